// The project config file (.gouji.json / .gouji.jsonc): rule severities, tolerance, which
// files are reports, and templates. Read here from text (the engine does no I/O); the CLI and
// the extension find the file and read the templates it names.
import { type Node, type ParseError, findNodeAtLocation, parse, parseTree, printParseErrorCode } from 'jsonc-parser';
import * as z from 'zod';
import type { Message, Severity } from './finding';
import { rules } from './rules';

z.config({ jitless: true });


const ruleIds = rules.map((r) => r.id) as [string, ...string[]];

export const ruleSetting = z.enum(['error', 'warning', 'information', 'hint', 'off']);
export type RuleSetting = z.infer<typeof ruleSetting>;

/** How close a stated rate must come: `rounding` (any value the shown figures allow, rounded half-up) or also a cut-off value (`truncation`). */
export const tolerance = z.enum(['rounding', 'truncation']);
export type Tolerance = z.infer<typeof tolerance>;

export const configSchema = z
  .object({
    $schema: z.string().optional(),
    rules: z
      .partialRecord(z.enum(ruleIds), ruleSetting)
      .optional()
      .describe('Severity of each rule by its id, or "off". 每条规则的级别（error / warning / information / hint）或 "off" 关闭。'),
    tolerance: tolerance
      .optional()
      .describe('"rounding" (default): a rate is right when rounding explains it. "truncation": a rate cut off instead of rounded is accepted too. 容差：rounding（默认，四舍五入可解释即视为正确）或 truncation（截断也接受）。'),
    template: z.string().optional().describe('The id of the template to check tables against, instead of the one the report looks like. 指定检查表格所用的模板 id。'),
    templates: z
      .array(z.string())
      .optional()
      .describe('Template files (JSON) of your own, relative to this file. 自定义模板文件（相对于本文件的路径）。'),
    files: z
      .object({
        include: z.array(z.string()).optional().describe('Glob patterns of the files that are reports. 需要检查的文件（glob）。'),
        exclude: z.array(z.string()).optional().describe('Glob patterns of files never checked. 不检查的文件（glob）。'),
      })
      .strict()
      .optional(),
  })
  .strict();

export type Config = z.infer<typeof configSchema>;

export interface ConfigProblem {
  start: number;
  end: number;
  message: Message;
}

export interface ReadConfig {
  config: Config;
  problems: ConfigProblem[];
}

/** Parses a config file's text; every problem names its place. Unusable parts are dropped, not guessed. */
export function readConfig(text: string): ReadConfig {
  const syntax: ParseError[] = [];
  const json: unknown = parse(text, syntax, { allowTrailingComma: true, disallowComments: false });
  const problems: ConfigProblem[] = syntax.map((e) => ({
    start: e.offset,
    end: e.offset + Math.max(1, e.length),
    message: { zh: `JSON 语法错误：${printParseErrorCode(e.error)}`, en: `JSON syntax error: ${printParseErrorCode(e.error)}` },
  }));
  if (json === undefined) return { config: {}, problems };
  const result = configSchema.safeParse(json);
  if (result.success) return { config: result.data, problems };

  const tree = parseTree(text);
  const config: Config = {};
  const bad = new Set<string>();
  for (const issue of result.error.issues) {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    // Unknown keys are reported on the key itself.
    const keys = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...path, k]) : [path];
    for (const at of keys) {
      const node = tree && findNodeAtLocation(tree, at);
      const where = node ? keyOrValue(node, issue.code === 'unrecognized_keys') : { start: 0, end: 0 };
      problems.push({ ...where, message: issueMessage(issue, at) });
    }
    bad.add(String(path[0] ?? ''));
  }
  // Keep the top-level settings that are valid on their own.
  for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
    if (bad.has(key)) continue;
    const field = configSchema.shape[key as keyof typeof configSchema.shape];
    const part = field?.safeParse(value);
    if (part?.success) (config as Record<string, unknown>)[key] = part.data;
  }
  return { config, problems };
}

function keyOrValue(node: Node, key: boolean): { start: number; end: number } {
  const target = key && node.parent?.type === 'property' ? node.parent.children![0]! : node;
  return { start: target.offset, end: target.offset + target.length };
}

function issueMessage(issue: z.core.$ZodIssue, path: (string | number)[]): Message {
  const where = path.join('.') || '(root)';
  if (issue.code === 'unrecognized_keys' && path[0] === 'rules') {
    const rule = String(path[1]);
    return { zh: `未知的规则 “${rule}”。可用的规则：${ruleIds.join('、')}。`, en: `Unknown rule "${rule}". The rules are: ${ruleIds.join(', ')}.` };
  }
  if (issue.code === 'unrecognized_keys') {
    return { zh: `未知的设置项 “${where}”。`, en: `Unknown setting "${where}".` };
  }
  if (issue.code === 'invalid_value' && 'values' in issue) {
    const allowed = issue.values.map((v) => JSON.stringify(v)).join(' / ');
    return { zh: `“${where}” 的取值应为 ${allowed} 之一。`, en: `"${where}" must be one of ${allowed}.` };
  }
  return { zh: `“${where}” 无效：${issue.message}`, en: `"${where}" is invalid: ${issue.message}` };
}

/** A rule's severity after the config: null when the config turns it off. */
export function severityFor(rule: string, own: Severity | 'off', settings: Config['rules']): Severity | null {
  const severity = settings?.[rule] ?? own;
  return severity === 'off' ? null : severity;
}
