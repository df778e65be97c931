// An inline directive silences findings and nothing else: the report is read the same with or
// without it — the same tables, the same links, the same findings elsewhere.
import assert from 'node:assert/strict';
import { type CheckResult, check } from '../../src/core/check';
import { maskDirectives } from '../../src/core/directives';
import { fixture } from '../helpers';

/** The text with `comment` appended to the first line that contains `anchor`; where it went and how long it is. */
function appended(text: string, anchor: string, comment: string) {
  const at = text.indexOf(anchor);
  assert.ok(at >= 0, `the fixture has ${JSON.stringify(anchor)}`);
  const lineEnd = text.indexOf('\n', at);
  const end = lineEnd < 0 ? text.length : lineEnd;
  const insert = ` ${comment}`;
  return { text: text.slice(0, end) + insert + text.slice(end), at: end, length: insert.length, line: [text.lastIndexOf('\n', at) + 1, end] as const };
}

/** What a check read and found, with offsets after the insertion moved back to the original text's. */
function reading(result: CheckResult, back: (offset: number) => number) {
  return {
    tables: result.report.tables.map((t) => ({
      code: t.code,
      title: t.title,
      part: t.part,
      unit: t.unit,
      columns: t.columns.map((c) => c.name),
      rows: t.rows.map((r) => [r.code, r.label, ...r.cells.map((c) => `${back(c.start)}:${c.text.trim()}`)].join('|')),
    })),
    figures: result.report.figures.map((f) => `${back(f.start)}:${f.text}:${f.unit}`),
    links: result.links.map((l) => `${back(l.figure.start)}→${back(l.cell.start)}`),
    findings: result.findings.map((f) => `${f.rule}:${back(f.start)}-${back(f.end)}:${f.fix?.newText ?? ''}`),
  };
}

/** Checks a directive appended to one line against the report without it. */
function compare(name: string, anchor: string, rule: string) {
  const original = fixture(name);
  const withDirective = appended(original, anchor, `<!-- gouji-disable-line ${rule} -->`);
  const before = reading(check(original), (o) => o);
  const after = reading(check(withDirective.text), (o) => (o > withDirective.at ? o - withDirective.length : o));
  const [lineStart, lineEnd] = withDirective.line;
  const onLine = (f: string) => {
    const [r, span] = f.split(':');
    const start = Number(span!.split('-')[0]);
    return r === rule && start >= lineStart && start <= lineEnd;
  };
  return { before, after, silenced: before.findings.filter(onLine), expected: before.findings.filter((f) => !onLine(f)) };
}

describe('inline directives change no reading', () => {
  it('blanks every directive, same length, and leaves other comments and text alone', () => {
    const text = '收入 1.00 万元。<!-- gouji-disable-line parts-sum -->\n<!-- 注释 -->\n<!--gouji-enable-->';
    const masked = maskDirectives(text);
    assert.equal(masked.length, text.length);
    assert.equal(masked, `收入 1.00 万元。${' '.repeat(37)}\n<!-- 注释 -->\n${' '.repeat(19)}`);
  });

  it('on a row of a markdown table (000, 公开02表 20000 with the broken 1.064.05): only that row’s malformed-number goes', () => {
    const { before, after, silenced, expected } = compare('000_68829c0b624b4a3b.txt', '1.064.05', 'malformed-number');
    assert.equal(silenced.length, 1, 'the row has two broken figures (本年收入合计, 财政拨款收入): one finding');
    assert.deepEqual(after.tables, before.tables);
    assert.deepEqual(after.links, before.links);
    assert.deepEqual(after.figures, before.figures);
    assert.deepEqual(after.findings, expected);
  });

  it('on a row of a tab-separated table (001, 公开05表 2101599): nothing changes but the silenced rule', () => {
    const { before, after, expected } = compare('001_6a62bd9b783e40ec.txt', '2101599\t其他医疗保障管理事务支出', 'amount-mismatch');
    assert.deepEqual(after.tables, before.tables);
    assert.deepEqual(after.links, before.links);
    assert.deepEqual(after.findings, expected);
  });

  it('on a row of a whitespace-aligned layout table (putuo-guihua): the table is read the same', () => {
    // Whether the row has a broken figure depends on how well the layout is read; either way the reading must not change.
    const { before, after, expected } = compare('putuo-guihua-2024.layout.txt', '754.75      754.75', 'malformed-number');
    assert.deepEqual(after.tables, before.tables);
    assert.deepEqual(after.links, before.links);
    assert.deepEqual(after.findings, expected);
  });

  it('on a prose line (001, the 收入总计 sentence with its amount-mismatch): the finding goes, the links stay', () => {
    const { before, after, silenced, expected } = compare('001_6a62bd9b783e40ec.txt', '2024 年度收入总计 7,143,754.56 元', 'amount-mismatch');
    assert.equal(silenced.length, 1, '7,143,754.56 disagrees with 总计 7,289,400.60 in 公开01表');
    assert.deepEqual(after.figures, before.figures);
    assert.deepEqual(after.links, before.links);
    assert.deepEqual(after.tables, before.tables);
    assert.deepEqual(after.findings, expected);
  });
});
