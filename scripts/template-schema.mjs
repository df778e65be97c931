// Writes templates/template.schema.json from the zod schema of the template format
// (src/core/identities/schema.ts), so editors
// complete and check template files. Run after changing it:
//   node scripts/template-schema.mjs
// (a unit test fails while the committed file is out of date).
import { writeFileSync } from 'node:fs';
import { tsImport } from 'tsx/esm/api';

const { templateJsonSchema } = await tsImport('../src/core/identities/json-schema.ts', import.meta.url);
const out = new URL('../templates/template.schema.json', import.meta.url);
writeFileSync(out, JSON.stringify(templateJsonSchema(), null, 2) + '\n');
console.log(`wrote ${out.pathname}`);
