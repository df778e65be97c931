// `gouji check [--format text|json|sarif] [--lang zh|en] [--fix] [--template NAME|FILE] [--config FILE] FILE...`
// `gouji tables [--format markdown|json] [--template NAME|FILE] [--config FILE] FILE...`
// Exit code: 0 nothing to report, 1 warnings or errors found, 2 unusable input or usage.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type CheckOptions, check } from '../core/check';
import { isSerious, type Lang } from '../core/finding';
import { applyFixes } from '../core/fix';
import { nameTables, TemplateError, templateSet } from '../core/identities';
import { readReport } from '../core/report';
import { LineIndex } from '../core/text';
import { type FileResult, toJson, toSarif, toText } from './format';
import { encodeLike, readText, UnreadableInput } from './read';
import { configOptions, findConfig } from './config';
import { templateOption } from './template';
import { type TablesFile, tablesJson, tablesMarkdown } from './tables';

const USAGE = 'usage: gouji check [--format text|json|sarif] [--lang zh|en] [--fix] [--template NAME|FILE] [--config FILE] FILE...\n       gouji tables [--format markdown|json] [--template NAME|FILE] [--config FILE] FILE...';

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
        fix: { type: 'boolean', default: false },
        template: { type: 'string' },
        config: { type: 'string' },
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
  if ((command !== 'check' && command !== 'tables') || files.length === 0) fail(USAGE);
  const format = command === 'tables' && values.format === 'text' ? 'markdown' : values.format;
  if (command === 'tables' ? format !== 'markdown' && format !== 'json' : format !== 'text' && format !== 'json' && format !== 'sarif') fail(`unknown format '${format}'\n${USAGE}`);
  const lang: Lang = values.lang === 'zh' || values.lang === 'en' ? values.lang : values.lang ? fail(`unknown language '${values.lang}' (zh or en)`) : envLang();

  /** The options for one report: its config file (given, or the nearest), then --template over it; read once per config. */
  const byConfig = new Map<string, CheckOptions>();
  const optionsFor = (path: string): CheckOptions => {
    try {
      const configPath = values.config ?? findConfig(path) ?? '';
      let options = byConfig.get(configPath);
      if (!options) {
        const config = configPath ? configOptions(configPath, lang) : {};
        const chosen = values.template === undefined ? null : templateOption(values.template);
        options = chosen ? { ...config, template: chosen.template, templates: [...(config.templates ?? []), ...(chosen.templates ?? [])] } : config;
        byConfig.set(configPath, options);
      }
      return options;
    } catch (e) {
      if (e instanceof UnreadableInput || e instanceof TemplateError) fail(e.message.replace(/\n/g, '\ngouji: '));
      throw e;
    }
  };

  /** A file not in UTF-8 is read anyway; the user is told in which encoding. */
  const announce = (path: string, encoding: string) => {
    if (encoding !== 'utf-8') process.stderr.write(`gouji: ${path}: ${lang === 'zh' ? '按' : 'read as '}${encoding.toUpperCase()}${lang === 'zh' ? ' 编码读取' : ''}\n`);
  };

  /** The file's text, its encoding said on stderr; unusable input ends the run (exit 2). */
  const open = (path: string) => {
    let file;
    try {
      file = readText(path);
    } catch (e) {
      if (e instanceof UnreadableInput) fail(e.message);
      throw e;
    }
    announce(path, file.encoding);
    return file;
  };

  if (command === 'tables') {
    const out: TablesFile[] = [];
    for (const path of files) {
      const file = open(path);
      const options = optionsFor(path);
      const report = readReport(file.text);
      const template = nameTables(report, templateSet(options.templates, options.template ?? null));
      out.push({ path, report, template: template?.id ?? null });
    }
    process.stdout.write((format === 'json' ? tablesJson(out) : tablesMarkdown(out)) + '\n');
    return 0;
  }

  const results: FileResult[] = [];
  for (const path of files) {
    const file = open(path);
    const options = optionsFor(path);
    let result = check(file.text, options);
    if (values.fix) {
      // Fix, write back (keeping the byte-order mark), and report what is left.
      const { text, applied } = applyFixes(file.text, result.findings);
      if (applied.length) {
        writeFileSync(path, encodeLike(file, text));
        const lines = new LineIndex(file.text);
        for (const a of applied) {
          const { line, character } = lines.position(a.start);
          process.stderr.write(`${path}:${line + 1}:${character + 1}: ${lang === 'zh' ? '已修正' : 'fixed'} [${a.rule}] ${a.old} → ${a.newText}\n`);
        }
        result = check(text, options);
      }
      // What --fix could not settle: a fix exists only where the engine is certain.
      const left = result.findings.filter(isSerious).length;
      process.stderr.write(
        lang === 'zh' ? `${path}: 已修正 ${applied.length} 处，另有 ${left} 处问题需要人工核对\n` : `${path}: fixed ${applied.length}; ${left} findings left for review\n`,
      );
    }
    results.push({ path, ...result });
  }
  const output = format === 'json' ? toJson(results, lang) : format === 'sarif' ? toSarif(results, lang) : toText(results, lang);
  process.stdout.write(output + '\n');
  const serious = results.some((r) => r.findings.some(isSerious));
  return serious ? 1 : 0;
}

// `gouji check … | head`: a reader that stops early is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  // A bug of ours, not the user's input: one line, and the exit code for unusable input.
  process.stderr.write(`gouji: internal error: ${(e as Error).message}\n`);
  process.exitCode = 2;
}
