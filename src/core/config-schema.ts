// The JSON schema of the config file (schemas/config.schema.json), generated from the zod
// schema so the two cannot drift. Kept apart so the engine's bundle does not carry the generator.
import * as z from 'zod';
import { configSchema, ruleSetting } from './config';
import { rules } from './rules';

/** The JSON schema VS Code (jsonValidation) and other editors use for .gouji.json. */
export function configJsonSchema(): object {
  const schema = z.toJSONSchema(configSchema, { target: 'draft-7', unrepresentable: 'any' }) as { properties: Record<string, object> };
  // One property per rule, so editors complete rule ids and show what each rule checks.
  const setting = z.toJSONSchema(ruleSetting, { target: 'draft-7' }) as Record<string, unknown>;
  delete setting.$schema;
  schema.properties.rules = {
    ...schema.properties.rules,
    propertyNames: undefined,
    properties: Object.fromEntries(rules.map((r) => [r.id, { ...setting, description: `${r.description.zh}（${r.description.en}）` }])),
    additionalProperties: false,
  };
  return JSON.parse(JSON.stringify(schema));
}
