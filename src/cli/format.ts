// The CLI's three output formats over one result shape.
import type { CheckResult } from '../core/check';
import { coverage, coverageMessage } from '../core/figure-info';
import { type Finding, isSerious, type Lang } from '../core/finding';
import { columnName, rowName, tableName } from '../core/names';
import { docsUrl, HOMEPAGE, rules } from '../core/rules';
import type { Cell } from '../core/tables/model';
import { LineIndex, type Range } from '../core/text';

export interface FileResult extends CheckResult {
  path: string;
}

function tableSummary(r: FileResult) {
  return r.report.tables.map((t) => ({
    code: t.code,
    title: t.title,
    part: t.part,
    unit: t.unit,
    unitInherited: t.unitInherited,
    rows: t.rows.length,
    columns: t.columns.map((c) => c.name),
  }));
}

function diagnostic(f: Finding, lines: LineIndex, lang: Lang) {
  return {
    range: lines.range(f.start, f.end),
    severity: f.severity,
    code: f.rule,
    message: f.message[lang],
    expected: f.expected,
    ...(f.interval ? { interval: f.interval } : {}),
    related: f.related.map((r) => ({ range: lines.range(r.start, r.end), message: r.message[lang] })),
  };
}

/** The exact decimal a figure was compared with: a blank (or dashed) cell stands for zero. */
function comparedValue(cell: Cell): string | null {
  if (cell.value.kind === 'number') return cell.value.value.toFixed(cell.value.style.decimals);
  return cell.value.kind === 'blank' ? '0' : null;
}

export function toJson(results: FileResult[], lang: Lang): string {
  const files = results.map((r) => {
    const lines = new LineIndex(r.report.text);
    const infos = r.figures;
    return {
      path: r.path,
      coverage: coverage(infos),
      figures: infos.map(({ figure: f, role, state, link, restated, counted, computed }) => ({
        range: lines.range(f.start, f.end),
        text: f.text,
        kind: role,
        state,
        unit: f.unit,
        value: f.value.toString(),
        decimals: f.decimals,
        source: link
          ? {
              kind: 'cell',
              table: tableName(link.table),
              row: rowName(link.table, link.row)[lang],
              column: columnName(link.table, link.cell.column)[lang],
              text: link.cell.text,
              value: comparedValue(link.cell),
              range: lines.range(link.cell.start, link.cell.end),
            }
          : restated
            ? {
                kind: 'stated',
                relation: restated.relation,
                text: restated.source.text,
                unit: restated.source.unit,
                value: restated.source.value.toFixed(restated.source.decimals),
                words: restated.subject,
                range: lines.range(restated.source.start, restated.source.end),
              }
            : counted
              ? {
                  kind: 'count',
                  what: counted.what[lang],
                  value: String(counted.items.length),
                  items: counted.items.map((i) => ({ text: i.text, range: lines.range(i.start, i.end) })),
                }
              : null,
        computed,
      })),
      tables: tableSummary(r),
      diagnostics: r.findings.map((f) => diagnostic(f, lines, lang)),
    };
  });
  return JSON.stringify({ version: 1, files }, null, 2);
}

const sarifLevel = { error: 'error', warning: 'warning', information: 'note', hint: 'note', off: 'none' } as const;

function region(range: Range) {
  return { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

export function toSarif(results: FileResult[], lang: Lang): string {
  const run = {
    tool: {
      driver: {
        name: 'gouji',
        informationUri: HOMEPAGE,
        // Each rule's metadata: what it finds in both languages, its docs, default level and tags.
        rules: rules.map((r) => ({
          id: r.id,
          shortDescription: { text: r.description[lang] },
          fullDescription: { text: `${r.description.zh} (${r.description.en})` },
          helpUri: docsUrl(r.id),
          defaultConfiguration: { level: sarifLevel[r.severity] },
          properties: { tags: [...r.tags] },
        })),
      },
    },
    columnKind: 'utf16CodeUnits',
    results: results.flatMap((r) => {
      const lines = new LineIndex(r.report.text);
      const location = (start: number, end: number) => ({ physicalLocation: { artifactLocation: { uri: r.path }, region: region(lines.range(start, end)) } });
      return r.findings.map((f) => ({
        ruleId: f.rule,
        level: sarifLevel[f.severity],
        message: { text: f.message[lang] },
        locations: [location(f.start, f.end)],
        relatedLocations: f.related.map((rel, id) => ({ id, ...location(rel.start, rel.end), message: { text: rel.message[lang] } })),
      }));
    }),
  };
  return JSON.stringify({ $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: [run] }, null, 2);
}

const severityWord = {
  zh: { error: '错误', warning: '警告', information: '提示', hint: '提示' },
  en: { error: 'error', warning: 'warning', information: 'info', hint: 'hint' },
};

/** The tables found, in a line: their codes, or the template's names of those without one (a table in parts counted once), and how many are neither. */
function tablesLine(r: FileResult, lang: Lang): string {
  const nameOf = (t: FileResult['report']['tables'][number]) => t.code ?? t.identityName?.[lang] ?? null;
  const names = [...new Set(r.report.tables.map(nameOf).filter((c): c is string => !!c))];
  const unnamed = r.report.tables.filter((t) => !nameOf(t)).length;
  if (lang === 'zh') return `表格 ${r.report.tables.length} 张${names.length ? `：${names.join('、')}` : ''}${unnamed ? `${names.length ? '；' : '：'}${unnamed} 张未识别` : ''}`;
  return `${r.report.tables.length} tables${names.length ? `: ${names.join(', ')}` : ''}${unnamed ? `${names.length ? '; ' : ': '}${unnamed} not identified` : ''}`;
}

/**
 * Per file: what was checked (the coverage the editor shows too), what needs action and what
 * Gouji can fix, the tables in one line; then one line per finding, the ones to act on first.
 */
export function toText(results: FileResult[], lang: Lang): string {
  const out: string[] = [];
  for (const r of results) {
    const lines = new LineIndex(r.report.text);
    const serious = r.findings.filter(isSerious);
    const fixable = serious.filter((f) => f.fix).length;
    const notes = r.findings.length - serious.length;
    out.push(r.path);
    out.push(`  ${coverageMessage(coverage(r.figures))[lang]}`);
    out.push(
      lang === 'zh'
        ? `  ${serious.length ? `${serious.length} 处需要处理${fixable ? `（${fixable} 处可用 --fix 自动修正）` : ''}` : '没有需要处理的问题'}${notes ? `，另有 ${notes} 条提示` : ''}`
        : `  ${serious.length ? `${serious.length} to act on${fixable ? ` (${fixable} fixable with --fix)` : ''}` : 'nothing to act on'}${notes ? `, ${notes} notes` : ''}`,
    );
    out.push(`  ${tablesLine(r, lang)}`);
    const ordered = [...serious, ...r.findings.filter((f) => !serious.includes(f))];
    for (const f of ordered) {
      const { line, character } = lines.position(f.start);
      out.push(`${r.path}:${line + 1}:${character + 1}: ${severityWord[lang][f.severity]} [${f.rule}] ${f.message[lang]}`);
    }
  }
  return out.join('\n');
}
