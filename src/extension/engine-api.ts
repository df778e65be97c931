// What the glue uses of the engine at run time: bundled as dist/engine.js, loaded by engine.ts.
export { readConfig } from '../core/config';
export { coverage, coverageMessage } from '../core/figure-info';
export { applyFixes } from '../core/fix';
export { parseTemplateText, shippedTemplates, TemplateError } from '../core/identities';
export { Checker } from '../core/incremental';
export { columnName, rowName, tableName } from '../core/names';
export { rules } from '../core/rules';
export * as model from './model-api';
