// `gouji tables`: what the reader made of each table, for a person (markdown) or a program (json).
import type { Report } from '../core/report';
import type { Table } from '../core/tables/model';
import { LineIndex } from '../core/text';

export interface TablesFile {
  path: string;
  report: Report;
  /** The template whose tables named them, if any. */
  template: string | null;
}

function tableJson(t: Table, lines: LineIndex) {
  return {
    identity: t.identity,
    name: t.identityName,
    code: t.code,
    title: t.title,
    part: t.part,
    unit: t.unit,
    unitInherited: t.unitInherited,
    page: t.page,
    format: t.format,
    range: lines.range(t.start, t.end),
    columns: t.columns.map((c) => ({ path: c.path, lineNo: c.lineNo })),
    rows: t.rows.map((r) => ({
      code: r.code,
      label: r.label,
      lineNo: r.lineNo,
      uncertain: r.uncertain,
      range: lines.range(r.start, r.end),
      cells: r.cells.map((c) => ({
        column: c.column.name,
        text: c.text,
        value: c.value.kind === 'number' ? c.value.value.toString() : null,
        kind: c.value.kind,
        range: lines.range(c.start, c.end),
      })),
    })),
  };
}

export function tablesJson(files: TablesFile[]): string {
  return JSON.stringify(
    {
      version: 1,
      files: files.map((f) => {
        const lines = new LineIndex(f.report.text);
        return { path: f.path, template: f.template, tables: f.report.tables.map((t) => tableJson(t, lines)) };
      }),
    },
    null,
    2,
  );
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function tablesMarkdown(files: TablesFile[]): string {
  const out: string[] = [];
  for (const f of files) {
    const lines = new LineIndex(f.report.text);
    out.push(`# ${f.path}`, '', `${f.report.tables.length} tables${f.template ? ` (template ${f.template})` : ''}`, '');
    for (const t of f.report.tables) {
      const line = lines.position(t.start).line + 1;
      const name = t.identity ? `${t.identity}${t.identityName ? ` ${t.identityName.zh}` : ''}` : '(not named)';
      out.push(`## ${name}`, '');
      out.push(`- title: ${[t.code, t.title].filter((x) => x).join(' ') || '—'}${t.part ? ` (${t.part})` : ''}`);
      out.push(`- unit: ${t.unit ?? '—'}${t.unitInherited ? ' (the report’s)' : ''} · page ${t.page ?? '—'} · line ${line} · ${t.rows.length} rows`);
      out.push('');
      if (t.rows.length === 0) {
        out.push('(no rows)', '');
        continue;
      }
      out.push(`| line | code | label | ${t.columns.map((c) => cell(c.name || `#${c.index + 1}`)).join(' | ')} |`);
      out.push(`|---|---|---|${t.columns.map(() => '---:|').join('')}`);
      for (const r of t.rows) {
        const l = lines.position(r.start).line + 1;
        out.push(`| ${l} | ${r.code ?? ''} | ${cell(r.label)}${r.uncertain ? ' ⚠ uncertain' : ''} | ${r.cells.map((c) => cell(c.text)).join(' | ')} |`);
      }
      out.push('');
    }
  }
  return out.join('\n');
}
