// The config file for the CLI: `--config FILE`, or the nearest .gouji.json / .gouji.jsonc from
// the report's folder upward. A config with problems is unusable input: each problem is
// reported at its line and column, and nothing is checked with half a config.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { CheckOptions } from '../core/check';
import { readConfig } from '../core/config';
import { CONFIG_FILE_NAMES } from '../core/config-files';
import type { Lang } from '../core/finding';
import { parseTemplateText, shippedTemplates, type Template } from '../core/identities';
import { LineIndex } from '../core/text';
import { readText, UnreadableInput } from './read';

export function findConfig(reportPath: string): string | undefined {
  for (let dir = dirname(resolve(reportPath)); ; dir = dirname(dir)) {
    const found = CONFIG_FILE_NAMES.map((name) => join(dir, name)).find((path) => existsSync(path));
    if (found) return found;
    if (dirname(dir) === dir) return undefined;
  }
}

/** The check options a config file stands for; throws UnreadableInput naming every problem. */
export function configOptions(path: string, lang: Lang): CheckOptions {
  const { text } = readText(path);
  const { config, problems } = readConfig(text);
  if (problems.length) {
    const lines = new LineIndex(text);
    const where = (offset: number) => {
      const { line, character } = lines.position(offset);
      return `${path}:${line + 1}:${character + 1}`;
    };
    throw new UnreadableInput(problems.map((p) => `${where(p.start)}: ${p.message[lang]}`).join('\n'));
  }
  const shipped = shippedTemplates();
  const templates: Template[] = (config.templates ?? []).map((file) => {
    const templatePath = resolve(dirname(path), file);
    return parseTemplateText(readText(templatePath).text, templatePath, shipped);
  });
  return { rules: config.rules, tolerance: config.tolerance, template: config.template, templates };
}
