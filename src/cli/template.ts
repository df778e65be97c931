// `--template NAME|FILE`: a shipped template by its id, or a template file (JSON) of the user's,
// which may extend a shipped one. The engine does no I/O: the file is read and parsed here.
import type { CheckOptions } from '../core/check';
import { parseTemplateText, shippedTemplates, TemplateError } from '../core/identities';
import { readText } from './read';

/** The check options `--template` stands for; throws UnreadableInput or TemplateError. */
export function templateOption(arg: string): CheckOptions {
  const shipped = shippedTemplates();
  if (shipped.some((t) => t.id === arg)) return { template: arg };
  if (!/[./\\]/.test(arg)) {
    throw new TemplateError(arg, [{ path: '', message: `no such template (shipped: ${shipped.map((t) => t.id).join(', ')}) and not a file name` }]);
  }
  const template = parseTemplateText(readText(arg).text, arg, shipped);
  return { template: template.id, templates: [template] };
}
