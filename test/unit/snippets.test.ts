// The snippets of the standard narrative sentences: each parses, and — the point of them — each,
// filled with consistent figures worked out by hand and put into a small report, is read by the
// engine as the claims it states and draws no finding; a wrong fill draws the finding it should.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, type CheckResult } from '../../src/core/check';

const ROOT = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

interface Snippet {
  prefix: string | string[];
  body: string[];
  description: string;
}
const contributions: { language: string; path: string }[] = manifest.contributes.snippets;
const snippets: Record<string, Snippet> = JSON.parse(readFileSync(join(ROOT, contributions[0]!.path), 'utf8'));

/** The snippet whose prefixes include `prefix`. */
function snippet(prefix: string): Snippet {
  const found = Object.values(snippets).find((s) => [s.prefix].flat().includes(prefix));
  assert.ok(found, `no snippet with prefix ${prefix}`);
  return found;
}

// Snippet syntax, as far as these snippets use it: tabstops `$1`, placeholders `${1:text}`,
// choices `${1|a,b|}` and placeholder transforms `${1/regex/format/}` whose format uses `$n` and
// `${n:+text}`. Anything else (variables, nesting, escapes) is refused, so a snippet cannot use
// syntax this test would silently misread.
const TOKEN = /\$(\d+)|\$\{(\d+)\}|\$\{(\d+):([^${}|]*)\}|\$\{(\d+)\|([^|]*)\|\}|\$\{(\d+)\/([^/]*)\/([^/]*)\/\}|[$\\]/g;

interface Stop {
  index: number;
  choices: string[] | null;
}

/** The tabstops of a body: each with its choices, when it has them. */
function stops(body: string): Stop[] {
  const found = new Map<number, Stop>();
  for (const m of body.matchAll(TOKEN)) {
    assert.ok(m[0] !== '$' && m[0] !== '\\', `unsupported snippet syntax at ${body.slice(m.index, m.index + 20)}`);
    const index = Number(m[1] ?? m[2] ?? m[3] ?? m[5] ?? m[7]);
    const choices = m[6] === undefined ? null : m[6].split(',');
    if (!found.has(index) || choices) found.set(index, { index, choices });
  }
  return [...found.values()].sort((a, b) => a.index - b.index);
}

/** The body as VS Code inserts it once the user has typed `fill[n]` at each tabstop n. */
function expand(body: string, fill: Record<number, string>): string {
  const value = (n: number) => {
    if (n === 0) return '';
    assert.ok(fill[n] !== undefined, `tabstop ${n} not filled`);
    return fill[n];
  };
  return body.replace(TOKEN, (all, plain, bare, placeholder, _text, choice, options, transformed, regex, format) => {
    assert.ok(all !== '$' && all !== '\\', 'unsupported snippet syntax');
    if (choice !== undefined) {
      assert.ok(options.split(',').includes(value(Number(choice))), `${fill[Number(choice)]} is not one of ${options}`);
      return value(Number(choice));
    }
    if (transformed !== undefined) {
      return value(Number(transformed)).replace(new RegExp(regex), (...groups: string[]) =>
        format.replace(/\$\{(\d+):\+([^}]*)\}|\$(\d+)/g, (_: string, ifGroup: string, text: string, group: string) => (ifGroup ? (groups[Number(ifGroup)] ? text : '') : (groups[Number(group)] ?? ''))),
      );
    }
    return value(Number(plain ?? bare ?? placeholder));
  });
}

/** A report: tables, a section heading, then the snippet's paragraph; where the paragraph is. */
function report(tables: string, heading: string, paragraph: string): { text: string; start: number; end: number } {
  const before = `${tables}\n\n${heading}\n\n`;
  return { text: `${before}${paragraph}\n`, start: before.length, end: before.length + paragraph.length };
}

/** Findings on the snippet's own text, as `rule "stated" → expected`. */
function findingsIn(result: CheckResult, at: { text: string; start: number; end: number }): string[] {
  return result.findings.filter((f) => f.start >= at.start && f.end <= at.end).map((f) => `${f.rule} "${at.text.slice(f.start, f.end)}" → ${f.expected}`);
}

/** Each amount of the snippet's text, with whether the cell it is linked to agrees. */
function linkedAmounts(result: CheckResult, at: { start: number; end: number }): string[] {
  return result.links.filter((l) => l.figure.start >= at.start && l.figure.end <= at.end).map((l) => `${l.figure.text} ${l.agrees ? 'agrees' : 'disagrees'}`);
}

describe('snippets: the files', () => {
  it('are contributed to the report language and to markdown, from one file', () => {
    assert.deepEqual(contributions.map((c) => c.language).sort(), ['fiscal-report', 'markdown']);
    assert.equal(new Set(contributions.map((c) => c.path)).size, 1);
  });

  it('every snippet has a Chinese and a pinyin prefix, a body, and a description in both languages', () => {
    const entries = Object.entries(snippets);
    assert.equal(entries.length, 4);
    for (const [name, s] of entries) {
      const prefixes = [s.prefix].flat();
      assert.ok(prefixes.some((p) => /^[\u4e00-\u9fff]+$/.test(p)) && prefixes.some((p) => /^[a-z]+$/.test(p)), name);
      assert.ok(Array.isArray(s.body) && s.body.join('').length > 0, name);
      assert.match(s.description, /[\u4e00-\u9fff]/, name);
      assert.match(s.description, /[A-Za-z]{4,} [A-Za-z]{2,}/, name);
    }
  });

  it('tabstops run 1…n without a gap and end at $0', () => {
    for (const [name, s] of Object.entries(snippets)) {
      const indexes = stops(s.body.join('\n')).map((t) => t.index);
      assert.deepEqual(indexes, Array.from({ length: indexes.length }, (_, i) => i), name);
      assert.ok(s.body.join('\n').endsWith('$0'), name);
    }
  });
});

describe('snippets: what the engine reads from them', () => {
  describe('占比: a total and its parts’ shares', () => {
    const tables = '支出决算表\n\n公开03表\n\n单位：万元\n\n| 项目 | 本年支出合计 | 基本支出 | 项目支出 |\n|---|---|---|---|\n| 合计 | 11,729.54 | 4,917.44 | 6,812.10 |';
    // 4917.44 ÷ 11729.54 = 41.9236% → 41.92; 6812.10 ÷ 11729.54 = 58.0764% → 58.08 (fixture 000's figures).
    const fill = { 1: '本年支出合计', 2: '11729.54', 3: '万元', 4: '基本支出', 5: '4917.44', 6: '41.92', 7: '项目支出', 8: '6812.10', 9: '58.08' };
    const at = (f: Record<number, string>) => report(tables, '三、支出决算情况说明', expand(snippet('zhanbi').body.join('\n'), f));

    it('filled right: two shares of the total, every amount on its cell, no finding', () => {
      const r = at(fill);
      assert.equal(r.text.slice(r.start, r.end), '本年支出合计 11729.54 万元，其中：基本支出 4917.44 万元，占 41.92%；项目支出 6812.10 万元，占 58.08%。');
      const result = check(r.text);
      assert.deepEqual(result.claims.map((c) => c.kind), ['share', 'share']);
      assert.deepEqual(linkedAmounts(result, r), ['11729.54 agrees', '4917.44 agrees', '6812.10 agrees']);
      assert.deepEqual(findingsIn(result, r), []);
    });

    it('a wrong share: share-mismatch on it, and nothing on the right 58.08 (the shares’ sum, 99, says no more)', () => {
      const r = at({ ...fill, 6: '40.92' });
      assert.deepEqual(findingsIn(check(r.text), r), ['share-mismatch "40.92" → 41.92']);
    });
  });

  describe('比上年: the change on last year', () => {
    const tables = '机关运行经费支出情况表\n\n公开10表\n\n单位：万元\n\n| 项目 | 金额 |\n|---|---|\n| 机关运行经费支出 | 38.20 |';
    // An increase of 1.85 on last year's 38.20 − 1.85 = 36.35: 1.85 ÷ 36.35 = 5.0894% → 5.09.
    const fill = { 1: '2024', 2: '机关运行经费', 3: '38.20', 4: '万元', 5: '增加', 6: '1.85', 7: '5.09', 8: '会议费增加' };
    const at = (f: Record<number, string>) => report(tables, '十、机关运行经费支出情况说明', expand(snippet('bishangnian').body.join('\n'), f));

    it('filled right: 增加 writes 增长, one change read, the amount on its cell, no finding', () => {
      const r = at(fill);
      assert.equal(r.text.slice(r.start, r.end), '2024年度机关运行经费支出 38.20 万元，比上年增加 1.85 万元，增长 5.09%。主要原因是：会议费增加。');
      const result = check(r.text);
      assert.deepEqual(result.claims.map((c) => c.kind), ['change']);
      assert.ok(linkedAmounts(result, r).includes('38.20 agrees'));
      assert.deepEqual(findingsIn(result, r), []);
    });

    it('减少 writes 下降, and the same rate is then wrong: 1.85 ÷ (38.20 + 1.85) = 4.6192% → 4.62', () => {
      const r = at({ ...fill, 5: '减少' });
      assert.match(r.text, /比上年减少 1\.85 万元，下降 5\.09%/);
      assert.deepEqual(findingsIn(check(r.text), r), ['change-mismatch "5.09" → 4.62']);
    });
  });

  describe('完成率: a subject’s budget, actual and completion rate', () => {
    const tables = '一般公共预算财政拨款支出决算表\n\n公开05表\n\n单位：万元\n\n| 科目编码 | 科目名称 | 年初预算数 | 决算数 |\n|---|---|---|---|\n| 210 | 卫生健康支出 | 450.00 | 44.50 |\n| 21015 | 医疗保障管理事务 | 450.00 | 44.50 |\n| 2101504 | 信息化建设 | 450.00 | 44.50 |';
    // 44.50 ÷ 450.00 = 9.8889% → 9.89; the actual is less than the budget: 小于.
    const fill = { 1: '卫生健康支出', 2: '医疗保障管理事务', 3: '信息化建设', 4: '450.00', 5: '万元', 6: '44.50', 7: '9.89', 8: '小于', 9: '信息系统项目未验收，尾款尚未支付' };
    const at = (f: Record<number, string>) => report(tables, '五、一般公共预算财政拨款支出决算情况说明', expand(snippet('wanchenglv').body.join('\n'), f));

    it('filled right: completion and direction read, both amounts on the subject path’s cells, no finding', () => {
      const r = at(fill);
      assert.equal(r.text.slice(r.start, r.end), '卫生健康支出（类）医疗保障管理事务（款）信息化建设（项）。年初预算为 450.00 万元，支出决算为 44.50 万元，完成年初预算的 9.89%。决算数小于预算数的主要原因是：信息系统项目未验收，尾款尚未支付。');
      const result = check(r.text);
      assert.deepEqual(result.claims.map((c) => c.kind), ['completion', 'direction']);
      assert.deepEqual(linkedAmounts(result, r), ['450.00 agrees', '44.50 agrees']);
      assert.deepEqual(findingsIn(result, r), []);
    });

    it('a wrong rate and a wrong direction word: completion-mismatch (9.80 for 9.89) and direction-word', () => {
      const r = at({ ...fill, 7: '9.80', 8: '大于' });
      assert.deepEqual(findingsIn(check(r.text), r), ['completion-mismatch "9.80" → 9.89', 'direction-word "大于" → null']);
    });
  });

  describe('三公: the three official expenses, budget against actual', () => {
    // No table: the engine does not tie these sentences' amounts to the 三公 table's cells (fixture
    // 000's own 三公 sentence is unlinked too), so a table would only add amount-unlinked notes.
    // Budgets 1.20 + 3.00 + 0.80 = 5.00, actuals 0.96 + 2.85 + 0.52 = 4.33;
    // rates 4.33 ÷ 5.00 = 86.60%, 0.96 ÷ 1.20 = 80.00%, 2.85 ÷ 3.00 = 95.00%, 0.52 ÷ 0.80 = 65.00%.
    const fill = { 1: '2024', 2: '5.00', 3: '万元', 4: '4.33', 5: '86.60', 6: '1.20', 7: '0.96', 8: '80.00', 9: '3.00', 10: '2.85', 11: '95.00', 12: '0.80', 13: '0.52', 14: '65.00' };
    const at = (f: Record<number, string>) => report('', '九、财政拨款“三公”经费支出决算情况说明', expand(snippet('sangong').body.join('\n'), f));

    it('filled right: four completion rates, each of its own budget and actual, no finding', () => {
      const r = at(fill);
      const result = check(r.text);
      const completions = result.claims.flatMap((c) => (c.kind === 'completion' ? [[c.budget.text, c.actual.text, c.rate.text]] : []));
      assert.deepEqual(completions, [['5.00', '4.33', '86.60'], ['1.20', '0.96', '80.00'], ['3.00', '2.85', '95.00'], ['0.80', '0.52', '65.00']]);
      assert.deepEqual(findingsIn(result, r), []);
    });

    it('a wrong rate for 公务接待费: completion-mismatch (56.00 for 65.00)', () => {
      const r = at({ ...fill, 14: '56.00' });
      assert.deepEqual(findingsIn(check(r.text), r), ['completion-mismatch "56.00" → 65.00']);
    });
  });
});
