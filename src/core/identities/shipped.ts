// The templates that ship with Gouji, bundled into the CLI and the extension (no files needed
// at run time). They are validated like any user's template, once, when first used.
import juesuan2024 from '../../../templates/juesuan-2024.json';
import yusuan2024 from '../../../templates/yusuan-2024.json';
import { parseTemplate } from './load';
import type { Template } from './schema';

let cache: Template[] | null = null;

export function shippedTemplates(): readonly Template[] {
  cache ??= [parseTemplate(juesuan2024, 'templates/juesuan-2024.json'), parseTemplate(yusuan2024, 'templates/yusuan-2024.json')];
  return cache;
}
