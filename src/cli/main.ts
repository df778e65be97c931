// `gouji check [--format text|json|sarif] [--lang zh|en] FILE...`
// Exit code: 0 nothing to report, 1 warnings or errors found, 2 unusable input or usage.
import { parseArgs } from 'node:util';
import { check } from '../core/check';
import type { Lang } from '../core/finding';
import { type FileResult, toJson, toSarif, toText } from './format';
import { readText, UnreadableInput } from './read';

const USAGE = 'usage: gouji check [--format text|json|sarif] [--lang zh|en] FILE...';

function envLang(): Lang {
  const locale = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || Intl.DateTimeFormat().resolvedOptions().locale;
  return /^zh/i.test(locale ?? '') ? 'zh' : 'en';
}

function fail(message: string): never {
  process.stderr.write(`gouji: ${message}\n`);
  process.exit(2);
}

export function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    fail(`${(e as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const [command, ...files] = positionals;
  if (command !== 'check' || files.length === 0) fail(USAGE);
  const format = values.format;
  if (format !== 'text' && format !== 'json' && format !== 'sarif') fail(`unknown format '${format}'\n${USAGE}`);
  const lang: Lang = values.lang === 'zh' || values.lang === 'en' ? values.lang : values.lang ? fail(`unknown language '${values.lang}' (zh or en)`) : envLang();

  const results: FileResult[] = [];
  for (const path of files) {
    try {
      results.push({ path, ...check(readText(path)) });
    } catch (e) {
      if (e instanceof UnreadableInput) fail(e.message);
      throw e;
    }
  }
  const output = format === 'json' ? toJson(results, lang) : format === 'sarif' ? toSarif(results, lang) : toText(results, lang);
  process.stdout.write(output + '\n');
  const serious = results.some((r) => r.findings.some((f) => f.severity === 'error' || f.severity === 'warning'));
  return serious ? 1 : 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  // A bug of ours, not the user's input: one line, and the exit code for unusable input.
  process.stderr.write(`gouji: internal error: ${(e as Error).message}\n`);
  process.exitCode = 2;
}
