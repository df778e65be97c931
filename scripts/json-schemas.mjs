// Writes the JSON schemas editors use to complete and check Gouji's JSON files, from their zod
// schemas: templates/template.schema.json (template files, src/core/identities/schema.ts) and
// schemas/config.schema.json (.gouji.json, src/core/config.ts). Run after changing either:
//   node scripts/json-schemas.mjs
// (unit tests fail while a committed schema is out of date).
import { mkdirSync, writeFileSync } from 'node:fs';
import { tsImport } from 'tsx/esm/api';

const { templateJsonSchema } = await tsImport('../src/core/identities/json-schema.ts', import.meta.url);
const { configJsonSchema } = await tsImport('../src/core/config-schema.ts', import.meta.url);
for (const [path, schema] of [
  ['../templates/template.schema.json', templateJsonSchema()],
  ['../schemas/config.schema.json', configJsonSchema()],
]) {
  const out = new URL(path, import.meta.url);
  mkdirSync(new URL('.', out), { recursive: true });
  writeFileSync(out, JSON.stringify(schema, null, 2) + '\n');
  console.log(`wrote ${out.pathname}`);
}
