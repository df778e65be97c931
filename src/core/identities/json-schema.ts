// The JSON schema of template files (templates/template.schema.json), generated from the zod
// schema so the two cannot drift. Kept apart so the engine's bundle does not carry the generator.
import * as z from 'zod';
import { template } from './schema';

/** The JSON schema editors use to complete and check template files. */
export function templateJsonSchema(): object {
  return z.toJSONSchema(template, { target: 'draft-7', unrepresentable: 'any' });
}
