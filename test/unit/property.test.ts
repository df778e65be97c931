// Property tests (fast-check): generated and mutated reports. check() must never throw, every
// range it hands out must lie inside the text, and fix-all must be idempotent and touch nothing
// outside the fixes it applied. The hand-written hostile inputs are in hostile.test.ts.
//
// Runs per property: GOUJI_FUZZ_RUNS (default small, so `npm run test:unit` stays fast);
// `npm run fuzz` sets it high. On failure fast-check prints the seed and the shrunk
// counterexample; replay with GOUJI_FUZZ_SEED=<seed> (and GOUJI_FUZZ_PATH=<path>).
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { check, type CheckResult } from '../../src/core/check';
import { applyFixes } from '../../src/core/fix';
import { assertRangesInside, fixture } from '../helpers';

const RUNS = Math.max(1, Number(process.env.GOUJI_FUZZ_RUNS ?? 12));
const SEED = process.env.GOUJI_FUZZ_SEED === undefined ? undefined : Number(process.env.GOUJI_FUZZ_SEED);
const PATH = process.env.GOUJI_FUZZ_PATH;
/** Whole-fixture runs cost about a second each: a fifth of the others, at least one, at most 60. */
const FULL_RUNS = Math.min(60, Math.max(1, Math.round(RUNS / 5)));

const params = (numRuns: number): fc.Parameters<unknown> => ({ numRuns, ...(SEED !== undefined && { seed: SEED }), ...(PATH && { path: PATH }), endOnFailure: false });

const FIXTURES = ['000_68829c0b624b4a3b.txt', '001_6a62bd9b783e40ec.txt', '003_a0c01ccc9db781f0.txt'].map(fixture);
const FIXTURE_LINES = FIXTURES.map((t) => t.split('\n'));

// ---------- checks -------------------------------------------------------------------------

/** check() does not throw and every range is inside the text. */
function survives(text: string): CheckResult {
  const result = check(text);
  assertRangesInside(text, result);
  return result;
}

/**
 * Fix-all: every character outside the applied fix ranges is unchanged, and checking the fixed
 * text again finds nothing left to fix (so a second fix-all changes nothing).
 */
/** How often fix-all had something to do, printed after each fix-all property (a vacuous property would show 0). */
const fixRuns = { total: 0, applied: 0, fixes: 0 };

function fixAllIsIdempotent(text: string) {
  const first = survives(text);
  const { text: fixed, applied } = applyFixes(text, first.findings);
  // Walk the applied fixes in order: the text between them must be copied verbatim.
  let from = 0;
  let to = 0;
  for (const fix of applied) {
    assert.ok(fix.start >= from, `fixes overlap at ${fix.start}`);
    const kept = text.slice(from, fix.start);
    assert.equal(fixed.slice(to, to + kept.length), kept, `text before the fix at ${fix.start} changed`);
    to += kept.length;
    assert.equal(fixed.slice(to, to + fix.newText.length), fix.newText, `fix at ${fix.start} not written as given`);
    to += fix.newText.length;
    from = fix.end;
  }
  assert.equal(fixed.slice(to), text.slice(from), 'text after the last fix changed');
  assert.equal(fixed.length, to + text.length - from);
  fixRuns.total++;
  if (!applied.length) return;
  fixRuns.applied++;
  fixRuns.fixes += applied.length;
  const second = survives(fixed);
  const left = second.findings.filter((f) => f.fix);
  assert.deepEqual(
    left.map((f) => `${f.rule} ${JSON.stringify(fixed.slice(f.fix!.start, f.fix!.end))} -> ${JSON.stringify(f.fix!.newText)} at ${f.fix!.start}`),
    [],
    `after applying ${applied.map((a) => `${a.rule} ${JSON.stringify(a.old)} -> ${JSON.stringify(a.newText)}`).join(', ')}, findings with a fix remain`,
  );
  assert.equal(applyFixes(fixed, second.findings).text, fixed, 'a second fix-all changed the text');
}

// ---------- generators ---------------------------------------------------------------------

const FULL = (s: string) => s.replace(/[0-9.,%()]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const group = (n: number) => n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** An amount with two decimals, in parts: integer part and cents. */
const amountParts = fc.tuple(fc.oneof(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 99_999_999 })), fc.integer({ min: 0, max: 99 }));
const cents = (c: number) => String(c).padStart(2, '0');

/** A number in every format the reports use, and some they should not. */
const numberText: fc.Arbitrary<string> = fc.oneof(
  amountParts.map(([i, c]) => `${group(i)}.${cents(c)}`), // 12,313.41
  amountParts.map(([i, c]) => `${i}.${cents(c)}`), // 12313.41
  amountParts.map(([i, c]) => `${i}. ${cents(c)}`), // 4917. 44
  amountParts.map(([i, c]) => FULL(`${i}.${cents(c)}`)), // １２３．４５
  amountParts.map(([i, c]) => `（${group(i)}.${cents(c)}）`), // （1,036.07）
  amountParts.map(([i, c]) => `(${group(i)}.${cents(c)})`),
  amountParts.map(([i, c]) => `-${group(i)}.${cents(c)}`),
  amountParts.map(([i, c]) => `${group(i).replace(/,/g, '.')}.${cents(c)}`), // 1.064.05
  amountParts.map(([i, c]) => `${group(i)},${cents(c)}`), // 1,064,05
  fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 99 })).map(([i, c]) => `${i}.${cents(c)}%`), // 41.92%
  fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 9 })).map(([i, c]) => `${i}.${c}％`),
  fc.integer({ min: 0, max: 100 }).map((i) => `${i}%`),
  fc.integer({ min: 0, max: 9_999_999 }).map(String),
  fc.constantFrom('0', '0.00', '-', '—', '1e999', '00.0', '.5', '5.', ',', '9'.repeat(40), `1${',000'.repeat(8)}.00`),
);

const UNITS = ['', '', '元', '万元', '亿元', ' 万元', '万 元', '%', '人次', '个'];
const figure = fc.tuple(numberText, fc.constantFrom(...UNITS)).map(([n, u]) => (n.endsWith('%') || n.endsWith('％') ? n : n + u));

const LABELS = ['本年支出合计', '本年收入合计', '基本支出', '项目支出', '人员经费', '公用经费', '一般公共服务支出', '社会保障和就业支出', '卫生健康支出', '财政拨款收入', '其他收入', '年初结转和结余', '因公出国（境）费用', '公务用车购置及运行费', '公务接待费', '机关运行经费', '政府采购支出', '总计', '合计', '小计', '其中：', '一、', '（一）', '2080505', '208', '20805'];
const label = fc.constantFrom(...LABELS);

const CHARS = ['0', '1', '5', '9', ',', '.', '%', '|', '\t', '\n', '\r\n', ' ', '  ', '\u3000', '（', '）', '(', ')', '-', '—', '：', '，', '。', '、', '万', '元', '亿', '占', '增', '减', '合计', '其中', '#', '*', '<br>', '&nbsp;', '\uFFFD', '\uD800', 'x'];
const char = fc.constantFrom(...CHARS);

/** A sentence with the words the claims are read from. */
const sentence: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(label, figure).map(([l, f]) => `${l}${f}`),
  fc.tuple(label, figure, label, figure).map(([l, f, m, p]) => `${l}${f}，占${m}的${p}`),
  fc.tuple(label, figure, figure).map(([l, f, p]) => `${l}${f}，占${p}`),
  fc.tuple(label, figure, fc.constantFrom('增加', '减少', '增长', '下降'), figure, fc.constantFrom('增长', '下降'), figure).map(([l, f, w, d, v, p]) => `${l}${f}，比上年${w}${d}，${v}${p}`),
  fc.tuple(label, figure, figure, figure).map(([l, a, b, p]) => `${l}年初预算为${a}，支出决算为${b}，完成年初预算的${p}`),
  fc.tuple(label, figure, figure).map(([l, a, p]) => `${l}${a}，完成${p}`),
  fc.tuple(label, figure, label, figure, label, figure).map(([l, a, m, b, n, c]) => `${l}${a}，其中：${m}${b}，${n}${c}`),
  fc.tuple(label, fc.constantFrom('大于', '小于', '等于', '与预算数持平'), fc.constantFrom('主要原因是', '')).map(([l, w, r]) => `${l}决算数${w}预算数${r}`),
  fc.tuple(fc.integer({ min: 1, max: 20 }), figure).map(([n, f]) => `共${n}项，共计${f}`),
);
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 5 }).map((s) => s.join('。') + '。');

const TITLES = ['', '公开03表\n单位：万元\n', '部门公开表 05\n一般公共预算财政拨款支出决算表\n金额单位：元\n', '收入支出决算总表\n单位:亿元\n', '### 公开 01 表\n单位：万元\n'];

/** A small table: markdown or tab-separated, a header, rows of a label and numbers, maybe a total row. */
const table: fc.Arbitrary<string> = fc
  .record({
    title: fc.constantFrom(...TITLES),
    markdown: fc.boolean(),
    code: fc.boolean(),
    columns: fc.integer({ min: 1, max: 4 }),
    rows: fc.array(fc.tuple(label, fc.array(numberText, { minLength: 4, maxLength: 4 })), { minLength: 1, maxLength: 8 }),
    total: fc.constantFrom('none', 'right', 'wrong'),
  })
  .map(({ title, markdown, code, columns, rows, total }) => {
    const head = [...(code ? ['科目编码'] : []), '项目', ...['合计', '基本支出', '项目支出', '决算数'].slice(0, columns)];
    const body = rows.map(([l, ns], i) => [...(code ? [String(2080500 + i)] : []), l, ...ns.slice(0, columns)]);
    if (total !== 'none') {
      const sums = Array.from({ length: columns }, (_, c) => {
        const s = rows.reduce((acc, [, ns]) => acc + (Number(ns[c]!.replace(/[,，（）()]/g, '')) || 0), 0);
        return (total === 'right' ? s : s + 1).toFixed(2);
      });
      body.unshift([...(code ? [''] : []), '合计', ...sums]);
    }
    const lines = markdown
      ? [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...body.map((r) => `| ${r.join(' | ')} |`)]
      : [head.join('\t'), ...body.map((r) => r.join('\t'))];
    return title + lines.join('\n') + '\n';
  });

/** A document: headings, paragraphs and tables in some order. */
const document = fc
  .array(fc.oneof(paragraph, table, fc.constantFrom('一、收入支出决算总体情况说明', '（二）财政拨款支出决算情况', '# 第二部分 决算情况说明', '')), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join('\n\n'));

/**
 * Sentences whose rate is computed from their own amounts and then nudged, so the share,
 * change and completion rules have fixes to offer (random prose rarely does).
 */
const fixable: fc.Arbitrary<string> = fc
  .record({
    kind: fc.constantFrom('share', 'change', 'completion'),
    a: fc.integer({ min: 1, max: 9_999_999 }),
    b: fc.integer({ min: 1, max: 9_999_999 }),
    nudge: fc.constantFrom(0, 0.01, -0.01, 0.5, -3, 10),
    digits: fc.constantFrom(1, 2),
    fmt: fc.constantFrom((x: number) => (x / 100).toFixed(2), (x: number) => group(Math.floor(x / 100)) + '.' + cents(x % 100), (x: number) => FULL((x / 100).toFixed(2))),
  })
  .map(({ kind, a, b, nudge, digits, fmt }) => {
    const [small, big] = a <= b ? [a, b] : [b, a];
    const pct = (x: number) => `${(x + nudge).toFixed(digits)}%`;
    if (kind === 'share') return `本年支出合计${fmt(big)}万元，其中：基本支出${fmt(small)}万元，占${pct((small / big) * 100)}。`;
    if (kind === 'change') return `本年支出合计${fmt(big)}万元，比上年增加${fmt(big - small)}万元，增长${pct(((big - small) / small) * 100)}。`;
    return `支出年初预算为${fmt(big)}万元，支出决算为${fmt(small)}万元，完成年初预算的${pct((small / big) * 100)}。`;
  });
const fixableDocument = fc
  .array(fc.oneof(fixable, fixable, paragraph, table), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join('\n\n'));

type Mutation =
  | { op: 'insert'; at: number; s: string }
  | { op: 'delete'; at: number; len: number }
  | { op: 'swap'; at: number }
  | { op: 'number'; at: number; s: string }
  | { op: 'replaceNumber'; which: number; s: string }
  | { op: 'deleteLine' | 'duplicateLine'; line: number }
  | { op: 'swapLines'; line: number; other: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), s: fc.oneof(char, sentence) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('number' as const), at: fc.nat(), s: figure }),
  fc.record({ op: fc.constant('replaceNumber' as const), which: fc.nat(), s: numberText }),
  fc.record({ op: fc.constantFrom('deleteLine' as const, 'duplicateLine' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('swapLines' as const), line: fc.nat(), other: fc.nat() }),
);

function mutate(text: string, m: Mutation): string {
  const n = text.length;
  switch (m.op) {
    case 'insert':
    case 'number': {
      const at = n ? m.at % (n + 1) : 0;
      return text.slice(0, at) + m.s + text.slice(at);
    }
    case 'delete': {
      const at = n ? m.at % n : 0;
      return text.slice(0, at) + text.slice(at + m.len);
    }
    case 'swap': {
      if (n < 2) return text;
      const at = m.at % (n - 1);
      return text.slice(0, at) + text[at + 1] + text[at] + text.slice(at + 2);
    }
    case 'replaceNumber': {
      const numbers = [...text.matchAll(/[0-9][0-9,.]*/g)];
      if (!numbers.length) return text;
      const hit = numbers[m.which % numbers.length]!;
      return text.slice(0, hit.index) + m.s + text.slice(hit.index + hit[0].length);
    }
    default: {
      const lines = text.split('\n');
      const i = m.line % lines.length;
      if (m.op === 'deleteLine') lines.splice(i, 1);
      else if (m.op === 'duplicateLine') lines.splice(i, 0, lines[i]!);
      else if (m.op === 'swapLines') {
        const j = m.other % lines.length;
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      }
      return lines.join('\n');
    }
  }
}

/** A window of up to 120 lines of one fixture: large enough to hold a table and its prose. */
const fixtureWindow = fc.record({ f: fc.nat(FIXTURES.length - 1), from: fc.nat(), len: fc.integer({ min: 5, max: 120 }) }).map(({ f, from, len }) => {
  const lines = FIXTURE_LINES[f]!;
  const start = from % lines.length;
  return lines.slice(start, start + len).join('\n');
});

const mutated = (base: fc.Arbitrary<string>, max: number) =>
  fc.tuple(base, fc.array(mutation, { minLength: 1, maxLength: max })).map(([text, ms]) => ms.reduce(mutate, text));

// ---------- properties ---------------------------------------------------------------------

describe('properties (fast-check)', function () {
  this.timeout(600_000);
  let t0 = 0;
  beforeEach(() => {
    t0 = performance.now();
    Object.assign(fixRuns, { total: 0, applied: 0, fixes: 0 });
  });
  afterEach(function () {
    const fixes = fixRuns.total ? `; fix-all applied ${fixRuns.fixes} fixes in ${fixRuns.applied} of ${fixRuns.total} runs` : '';
    console.log(`      ${this.currentTest?.title}: ${(performance.now() - t0).toFixed(0)} ms${fixes}`);
  });

  it(`check() survives mutated fixture windows, ranges inside (${RUNS} runs)`, () => {
    fc.assert(fc.property(mutated(fixtureWindow, 8), (text) => void survives(text)), params(RUNS));
  });

  it(`check() survives whole mutated fixtures, ranges inside (${FULL_RUNS} runs)`, () => {
    const whole = fc.nat(FIXTURES.length - 1).map((f) => FIXTURES[f]!);
    fc.assert(fc.property(mutated(whole, 20), (text) => void survives(text)), params(FULL_RUNS));
  });

  it(`check() survives generated documents, ranges inside (${RUNS * 4} runs)`, () => {
    fc.assert(fc.property(document, (text) => void survives(text)), params(RUNS * 4));
  });

  it(`check() survives mutated generated documents, ranges inside (${RUNS * 4} runs)`, () => {
    fc.assert(fc.property(mutated(document, 6), (text) => void survives(text)), params(RUNS * 4));
  });

  it(`check() survives random strings of report characters (${RUNS * 4} runs)`, () => {
    const soup = fc.array(fc.oneof(char, figure, label), { maxLength: 200 }).map((a) => a.join(''));
    fc.assert(fc.property(soup, (text) => void survives(text)), params(RUNS * 4));
  });

  it(`fix-all on generated documents: outside the fixes unchanged, idempotent (${RUNS * 4} runs)`, () => {
    fc.assert(fc.property(document, (text) => fixAllIsIdempotent(text)), params(RUNS * 4));
  });

  it(`fix-all on generated documents with nudged rates, and mutated: outside the fixes unchanged, idempotent (${RUNS * 4} runs)`, () => {
    fc.assert(fc.property(fc.oneof(fixableDocument, mutated(fixableDocument, 4)), (text) => fixAllIsIdempotent(text)), params(RUNS * 4));
  });

  it(`fix-all on mutated fixture windows: outside the fixes unchanged, idempotent (${RUNS} runs)`, () => {
    fc.assert(fc.property(mutated(fixtureWindow, 8), (text) => fixAllIsIdempotent(text)), params(RUNS));
  });

  it(`fix-all on whole mutated fixtures: outside the fixes unchanged, idempotent (${FULL_RUNS} runs)`, () => {
    const whole = fc.nat(FIXTURES.length - 1).map((f) => FIXTURES[f]!);
    fc.assert(fc.property(mutated(whole, 20), (text) => fixAllIsIdempotent(text)), params(FULL_RUNS));
  });

  // Counterexamples fast-check found (and shrank) before the engine was fixed: a thousands
  // separator after the decimal point reached Decimal and threw; an aligned row came out with
  // start > end.
  describe('regressions found by these properties', () => {
    it("check('7  |\\n疗  |  |'): every row range inside the text, start <= end", () => void survives('7  |\n疗  |  |'));
    it('check() on the shrunk fixture-003 window (seed -572723118): row ranges inside', () =>
      void survives('| 21011   | 位医疗  314.87   | 314.87   |  |  |  |\n|         | 行政单位医      |          |          |  |  |  |\n| 2101101 | 疗          | 68.57    | 68.57    |  |  |  |\n'));
    it('check("1.00,200") does not throw (from scanFigures, prose)', () => void survives('1.00,200'));
    it('check("本年支出合计\\t0.00%\\t0. 1,000,00\\n") does not throw (seed -1222004156, parseCell)', () => void survives('本年支出合计\t0.00%\t0. 1,000,00\n'));
    it('fix-all on a prose amount whose cell is negative: no fix that writes a minus sign (seed 880409321)', () => {
      const text = '（二）财政拨款支出决算情况\n\n本年支出合计0.01万 元，占本年支出合计的0.00%。\n\n部门公开表 05\n一般公共预算财政拨款支出决算表\n金额单位：元\n项目\t合计\n本年支出合计\t-50.00\n本年支出合计\t0,00\n\n\n一、收入支出决算总体情况说明';
      fixAllIsIdempotent(text);
      assert.ok(!check(text).findings.some((f) => f.fix?.newText.startsWith('-')));
    });
    it('fix-all on "…０．００，208(0.00)。…" does not throw (seed 1371852835)', () =>
      fixAllIsIdempotent('本年支出合计0.00，其中：本年支出合计０．００，208(0.00)。\n\n一、收入支出决算总体情况说明'));
    // Seed 2021788924: a wrong amount (its cell certain) and a right rate computed from the cell.
    // Fix-all fixed the amount and also "fixed" the rate from the wrong amount; the second pass
    // wanted the rate back. A rate is judged on its inputs as their fixes leave them.
    const table05 = ['一般公共预算财政拨款支出决算表', '', '公开05表', '', '单位：万元', '', '| 科目代码 | 科目名称 | 合计 |', '|---|---|---|', '| 221 | 住房保障支出 | 124.82 |', '| 22102 | 住房改革支出 | 124.82 |', '| 2210201 | 住房公积金 | 124.82 |', ''];
    const fixes = (text: string) => check(text).findings.filter((f) => f.fix).map((f) => `${f.rule} ${text.slice(f.start, f.end)} -> ${f.fix!.newText}`);
    it('fix-all on a wrong 决算 amount with a right completion rate fixes the amount only (seed 2021788924)', () => {
      // 124.82 ÷ 125.26 = 99.649…% → 99.65%: right for the cell; from the stated 142.82 it would be 114.02%.
      const text = [...table05, '五、一般公共预算财政拨款支出决算情况说明', '', '住房保障支出(类)住房改革支出(款)住房公积金(项)。年初预算为125.26万元,支出决算为142.82万元,完成年初预算的99.65%。'].join('\n');
      fixAllIsIdempotent(text);
      assert.deepEqual(fixes(text), ['amount-mismatch 142.82 -> 124.82']);
      const rate = check(text).figures.find((i) => i.figure.text === '99.65')!;
      assert.deepEqual([rate.state, rate.computed, rate.recomputed?.formula], ['agrees', '99.65', '124.82 ÷ 125.26']);
    });
    it('fix-all on a wrong part with a right share fixes the part only (the same cause)', () => {
      // 6,822,048.75 ÷ 7,143,754.56 = 95.497% → 95.50%; from the stated 6,922,048.75 it would be 96.90%.
      const text = ['收入决算表', '', '公开02表', '', '金额单位：元', '', '| 项目 | 本年收入合计 | 财政拨款收入 | 其他收入 |', '|---|---|---|---|', '| 合计 | 7,143,754.56 | 6,822,048.75 | 321,705.81 |', '', '二、收入决算情况说明', '', '本年收入合计 7,143,754.56 元，其中：财政拨款收入 6,922,048.75 元，占 95.50%。'].join('\n');
      fixAllIsIdempotent(text);
      assert.deepEqual(fixes(text), ['amount-mismatch 6,922,048.75 -> 6,822,048.75']);
    });
  });
});

