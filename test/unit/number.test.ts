// Figures as written: readNumber, parseCell, formatNumber, convert, and the figures
// readReport finds in prose (scanFigures). Every expected value is written by hand.
import assert from 'node:assert/strict';
import type Decimal from 'decimal.js';
import type { Figure } from '../../src/core/figures';
import { type CellValue, convert, Dec, formatNumber, type NumberStyle, parseCell, readNumber } from '../../src/core/number';
import { readReport } from '../../src/core/report';
import { halfWidth } from '../../src/core/text';

/** Reads the number at the start of `written`, the way the engine does (half-width view). */
function read(written: string) {
  return readNumber(halfWidth(written), 0, written);
}

/** Reads `written` as a whole number and checks it is well formed; returns the token. */
function readOk(written: string) {
  const token = read(written);
  assert.ok(token, `no number read from ${JSON.stringify(written)}`);
  assert.equal(token.ok, true, `${JSON.stringify(written)} read as malformed`);
  return token as Extract<typeof token, { ok: true }>;
}

function assertDec(actual: Decimal, expected: string, what = 'value') {
  assert.ok(actual.eq(expected), `${what}: expected ${expected}, got ${actual.toString()}`);
}

function style(decimals: number, grouped: boolean, fullWidth: boolean): NumberStyle {
  return { decimals, grouped, fullWidth };
}

/** The figures readReport finds in `text`, each checked to sit where its text is written. */
function figures(text: string): Figure[] {
  const found = readReport(text).figures;
  for (const f of found) {
    assert.equal(text.slice(f.start, f.end), f.text, `figure offsets ${f.start}-${f.end} do not cover ${JSON.stringify(f.text)}`);
    assert.ok(f.start <= f.end && f.end <= f.unitEnd && f.unitEnd <= text.length, `figure ${f.text} has bad offsets`);
  }
  return found;
}

/** The one figure written as `written` in `text` (found by its offsets, not by its value). */
function figure(text: string, written: string): Figure {
  const matches = figures(text).filter((f) => text.slice(f.start, f.end) === written);
  assert.equal(matches.length, 1, `expected one figure written ${JSON.stringify(written)} in ${JSON.stringify(text)}, found ${matches.length}: ${JSON.stringify(figures(text).map((f) => f.text))}`);
  return matches[0]!;
}

/** The unit word as written after a figure, e.g. ' 万元' or '\n万元'. */
const unitText = (text: string, f: Figure) => text.slice(f.end, f.unitEnd);

function assertNumberCell(v: CellValue, expected: string, decimals: number): asserts v is Extract<CellValue, { kind: 'number' }> {
  assert.equal(v.kind, 'number', `expected a number cell, got ${JSON.stringify(v)}`);
  if (v.kind !== 'number') return;
  assertDec(v.value, expected);
  assert.equal(v.style.decimals, decimals, 'decimals');
}

describe('readNumber', () => {
  const cases: [written: string, value: string, decimals: number, grouped: boolean][] = [
    ['12,313.41', '12313.41', 2, true],
    ['12313.41', '12313.41', 2, false],
    ['3,225.7', '3225.7', 1, true],
    ['170', '170', 0, false],
    ['0.00', '0', 2, false],
    ['7,143,754.56', '7143754.56', 2, true],
  ];
  for (const [written, value, decimals, grouped] of cases) {
    it(`reads ${written}`, () => {
      const t = readOk(written);
      assertDec(t.value, value);
      assert.equal(t.decimals, decimals);
      assert.equal(t.grouped, grouped);
      assert.equal(t.fullWidth, false);
      assert.equal(t.start, 0);
      assert.equal(t.end, written.length);
      assert.equal(t.text, written);
    });
  }

  it('reads 0.00 as zero with two decimals shown', () => {
    const t = readOk('0.00');
    assert.ok(t.value.isZero());
    assert.equal(t.decimals, 2);
  });

  it('reads OCR spaces after the separators: 4917. 44', () => {
    const t = readOk('4917. 44');
    assertDec(t.value, '4917.44');
    assert.equal(t.decimals, 2);
    assert.equal(t.end, 8);
    assert.equal(t.text, '4917. 44');
  });

  it('reads OCR spaces after both separators: 4, 627. 11', () => {
    const t = readOk('4, 627. 11');
    assertDec(t.value, '4627.11');
    assert.equal(t.decimals, 2);
    assert.equal(t.grouped, true);
    assert.equal(t.end, 10);
    assert.equal(t.text, '4, 627. 11');
  });

  it('reads full-width digits: １２３．４５', () => {
    const t = readOk('１２３．４５');
    assertDec(t.value, '123.45');
    assert.equal(t.decimals, 2);
    assert.equal(t.fullWidth, true);
    assert.equal(t.text, '１２３．４５');
  });

  it('reads from an offset inside a longer text and reports offsets in that text', () => {
    const text = '支出合计 11,729.54 万元';
    const t = readNumber(halfWidth(text), 5, text);
    assert.ok(t && t.ok);
    assert.equal(t.start, 5);
    assert.equal(t.end, 14);
    assert.equal(text.slice(t.start, t.end), '11,729.54');
  });

  it('returns null where no digit starts', () => {
    assert.equal(read('万元'), null);
    assert.equal(read(''), null);
    assert.equal(read('.5'), null);
  });

  const malformed: [written: string, reason: string][] = [
    ['4.627.11', 'more than one decimal point'],
    ['1.064.05', 'more than one decimal point'],
    ['0,987.78', 'thousands separator in the wrong place'],
  ];
  for (const [written, reason] of malformed) {
    it(`reports ${written} as malformed, never as a value`, () => {
      const t = read(written);
      assert.ok(t);
      assert.equal(t.ok, false);
      assert.equal(t.start, 0);
      assert.equal(t.end, written.length);
      assert.equal(t.text, written);
      if (!t.ok) assert.equal(t.reason, reason);
    });
  }

  it('stops at a comma that is punctuation, not a separator: 12,5', () => {
    const t = readOk('12,5');
    assertDec(t.value, '12');
    assert.equal(t.end, 2);
  });

  it('reads 1. before Chinese text as the integer 1 (a list number, not a decimal)', () => {
    const t = readOk('1.预算收入');
    assertDec(t.value, '1');
    assert.equal(t.decimals, 0);
    assert.equal(t.end, 1);
  });

  it('does not join a spaced list number with a year: 3. 2024年', () => {
    const t = readOk('3. 2024年');
    assertDec(t.value, '3');
    assert.equal(t.end, 1);
  });

  it('reads only the mantissa digits of 1e999', () => {
    const t = readOk('1e999');
    assertDec(t.value, '1');
    assert.equal(t.end, 1);
  });
});

describe('parseCell', () => {
  const at = 100; // where the cell starts in the report

  it('reads a plain amount with report offsets', () => {
    const v = parseCell('12,313.41', at);
    assertNumberCell(v, '12313.41', 2);
    assert.equal(v.style.grouped, true);
    assert.equal(v.start, 100);
    assert.equal(v.end, 109);
  });

  it('reads -1,036.07 as negative', () => {
    const v = parseCell('-1,036.07', at);
    assertNumberCell(v, '-1036.07', 2);
    assert.equal(v.start, 100);
    assert.equal(v.end, 109);
  });

  it('reads a full-width bracketed figure （1,036.07） as negative', () => {
    const v = parseCell('（1,036.07）', at);
    assertNumberCell(v, '-1036.07', 2);
    assert.equal(v.start, 100);
    assert.equal(v.end, 110);
  });

  it('reads a half-width bracketed figure (1,036.07) as negative', () => {
    assertNumberCell(parseCell('(1,036.07)', at), '-1036.07', 2);
  });

  it('reads decimals 1 and 0: 3,225.7 and 170', () => {
    assertNumberCell(parseCell('3,225.7', at), '3225.7', 1);
    assertNumberCell(parseCell('170', at), '170', 0);
  });

  it('reads 0.00 as a zero, not a blank', () => {
    const v = parseCell('0.00', at);
    assertNumberCell(v, '0', 2);
    assert.ok(v.value.isZero());
  });

  it('reads OCR-spaced cells: 4917. 44 and 4, 627. 11', () => {
    const a = parseCell('4917. 44', at);
    assertNumberCell(a, '4917.44', 2);
    assert.equal(a.end, 108);
    const b = parseCell('4, 627. 11', at);
    assertNumberCell(b, '4627.11', 2);
    assert.equal(b.end, 110);
  });

  it('reads full-width digits and remembers the width', () => {
    const v = parseCell('１２３．４５', at);
    assertNumberCell(v, '123.45', 2);
    assert.equal(v.style.fullWidth, true);
  });

  it('excludes padding and markup from the offsets', () => {
    const raw = '  <b>12.5</b> ';
    const v = parseCell(raw, at);
    assertNumberCell(v, '12.5', 1);
    assert.equal(raw.slice(v.start - at, v.end - at), '12.5');
  });

  const malformed = ['4.627.11', '1.064.05', '0,987.78', '5.4/'];
  for (const raw of malformed) {
    it(`reads the cell ${raw} as malformed, covering the whole cell`, () => {
      const v = parseCell(raw, at);
      assert.equal(v.kind, 'malformed', `got ${JSON.stringify(v)}`);
      if (v.kind !== 'malformed') return;
      assert.equal(v.start, at);
      assert.equal(v.end, at + raw.length);
    });
  }

  it('reads empty cells and dashes as blank', () => {
    for (const raw of ['', '   ', '-', '—', '——', '－', '/']) assert.deepEqual(parseCell(raw, at), { kind: 'blank' }, JSON.stringify(raw));
  });

  it('reads labels as text', () => {
    for (const raw of ['项目', '本年收入合计', '一、一般公共预算财政拨款收入']) assert.deepEqual(parseCell(raw, at), { kind: 'text' }, raw);
  });
});

describe('formatNumber', () => {
  it('writes grouped figures with their decimals', () => {
    assert.equal(formatNumber(new Dec('4917.44'), style(2, true, false)), '4,917.44');
    assert.equal(formatNumber(new Dec('12313.41'), style(2, true, false)), '12,313.41');
    assert.equal(formatNumber(new Dec('7143754.56'), style(2, true, false)), '7,143,754.56');
    assert.equal(formatNumber(new Dec('3225.7'), style(1, true, false)), '3,225.7');
    assert.equal(formatNumber(new Dec('170'), style(0, true, false)), '170');
  });

  it('writes ungrouped figures and pads decimals', () => {
    assert.equal(formatNumber(new Dec('4917.44'), style(2, false, false)), '4917.44');
    assert.equal(formatNumber(new Dec('0'), style(2, false, false)), '0.00');
    assert.equal(formatNumber(new Dec('5'), style(1, false, false)), '5.0');
  });

  it('rounds half up', () => {
    assert.equal(formatNumber(new Dec('0.125'), style(2, false, false)), '0.13');
    assert.equal(formatNumber(new Dec('0.124'), style(2, false, false)), '0.12');
    assert.equal(formatNumber(new Dec('85.8950'), style(2, false, false)), '85.90');
    assert.equal(formatNumber(new Dec('169.5'), style(0, false, false)), '170');
    assert.equal(formatNumber(new Dec('999.995'), style(2, true, false)), '1,000.00');
  });

  it('writes negative grouped figures', () => {
    assert.equal(formatNumber(new Dec('-1036.07'), style(2, true, false)), '-1,036.07');
  });

  it('writes full-width figures', () => {
    assert.equal(formatNumber(new Dec('123.45'), style(2, false, true)), '１２３．４５');
    assert.equal(formatNumber(new Dec('12313.41'), style(2, true, true)), '１２，３１３．４１');
  });

  const roundTrips = ['12,313.41', '12313.41', '3,225.7', '170', '0.00', '１２３．４５', '7,143,754.56'];
  for (const written of roundTrips) {
    it(`round-trips ${written} through readNumber`, () => {
      const t = readOk(written);
      assert.equal(formatNumber(t.value, t), written);
    });
  }

  it('writes an OCR-spaced figure without its spaces', () => {
    const t = readOk('4, 627. 11');
    assert.equal(formatNumber(t.value, t), '4,627.11');
  });
});

describe('convert', () => {
  it('1 亿元 = 10000 万元', () => {
    assert.equal(convert(new Dec(1), '亿元', '万元').toString(), '10000');
  });

  it('7,143,754.56 元 = 714.375456 万元, exactly', () => {
    const v = convert(new Dec('7143754.56'), '元', '万元');
    assert.equal(v.toString(), '714.375456');
    assert.ok(v.eq('714.375456'));
  });

  it('万元 to 元 and back is exact', () => {
    const yuan = convert(new Dec('12313.41'), '万元', '元');
    assert.equal(yuan.toString(), '123134100');
    assert.equal(convert(yuan, '元', '万元').toString(), '12313.41');
  });

  it('1 元 = 0.00000001 亿元', () => {
    assert.ok(convert(new Dec(1), '元', '亿元').eq('0.00000001'));
  });

  it('returns the same value for the same unit', () => {
    assert.equal(convert(new Dec('0.1'), '万元', '万元').toString(), '0.1');
  });
});

describe('figures in prose (readReport)', () => {
  it('reads amounts in 元, 万元 and 亿元', () => {
    const text = '收入总计 7,143,754.56 元。支出合计 11729.54 万元。资产总额 1.2 亿元。';
    const cases: [written: string, value: string, unit: string][] = [
      ['7,143,754.56', '7143754.56', '元'],
      ['11729.54', '11729.54', '万元'],
      ['1.2', '1.2', '亿元'],
    ];
    for (const [written, value, unit] of cases) {
      const f = figure(text, written);
      assert.equal(f.kind, 'amount', written);
      assert.equal(f.unit, unit, written);
      assertDec(f.value, value, written);
      assert.equal(unitText(text, f), ' ' + unit);
    }
  });

  it('reads the written forms 12,313.41, 12313.41, 3,225.7, 170 and 0.00', () => {
    const text = '总计 12,313.41 万元。总计 12313.41 万元。社保 3,225.7 万元。出国 170 万元。接待 0.00 万元。';
    const cases: [written: string, value: string, decimals: number, grouped: boolean][] = [
      ['12,313.41', '12313.41', 2, true],
      ['12313.41', '12313.41', 2, false],
      ['3,225.7', '3225.7', 1, true],
      ['170', '170', 0, false],
      ['0.00', '0', 2, false],
    ];
    for (const [written, value, decimals, grouped] of cases) {
      const f = figure(text, written);
      assertDec(f.value, value, written);
      assert.equal(f.decimals, decimals, written);
      assert.equal(f.grouped, grouped, written);
      assert.equal(f.kind, 'amount', written);
    }
  });

  it('reads OCR-spaced figures, offsets covering the spaces', () => {
    const text = '其中：基本支出 4917. 44 万元，项目支出 4, 627. 11 万元。';
    const a = figure(text, '4917. 44');
    assertDec(a.value, '4917.44');
    assert.equal(a.start, 8);
    assert.equal(a.end, 16);
    assert.equal(a.unit, '万元');
    const b = figure(text, '4, 627. 11');
    assertDec(b.value, '4627.11');
    assert.equal(b.start, 25);
    assert.equal(b.end, 35);
    assert.equal(b.unit, '万元');
  });

  it('reads full-width figures', () => {
    const text = '本年支出 １２３．４５ 万元。';
    const f = figure(text, '１２３．４５');
    assertDec(f.value, '123.45');
    assert.equal(f.fullWidth, true);
    assert.equal(f.decimals, 2);
    assert.equal(f.unit, '万元');
  });

  it('reads percentages with their shown decimals', () => {
    const text = '基本支出占 41.92%。增长 17.700%。占本年支出合计的 100%。';
    const cases: [written: string, value: string, decimals: number][] = [
      ['41.92', '41.92', 2],
      ['17.700', '17.7', 3],
      ['100', '100', 0],
    ];
    for (const [written, value, decimals] of cases) {
      const f = figure(text, written);
      assert.equal(f.kind, 'percent', written);
      assert.equal(f.unit, '%', written);
      assertDec(f.value, value, written);
      assert.equal(f.decimals, decimals, written);
      assert.equal(unitText(text, f), '%');
    }
  });

  it('reads a full-width percent sign: 占 100％', () => {
    const text = '项目支出占 100％。';
    const f = figure(text, '100');
    assert.equal(f.kind, 'percent');
    assert.equal(f.unit, '%');
    assert.equal(unitText(text, f), '％');
  });

  it('reads counts with their unit: 2 辆, 47 人次', () => {
    const text = '购置公务用车 2 辆。接待 47 人次。';
    const a = figure(text, '2');
    assert.equal(a.kind, 'count');
    assert.equal(a.unit, '辆');
    const b = figure(text, '47');
    assert.equal(b.kind, 'count');
    assert.equal(b.unit, '人次');
    assert.equal(unitText(text, b), ' 人次');
  });

  it('reads a unit spread by PDF justification spaces: 2946.25 万 元', () => {
    const text = '本年收入合计 2946.25 万 元。';
    const f = figure(text, '2946.25');
    assert.equal(f.kind, 'amount');
    assert.equal(f.unit, '万元');
    assert.equal(unitText(text, f), ' 万 元');
  });

  it('reads a unit on the next line: 10656.73\\n万元', () => {
    const text = '财政拨款收入 10656.73\n万元，占 90.85%。';
    const f = figure(text, '10656.73');
    assert.equal(f.kind, 'amount');
    assert.equal(f.unit, '万元');
    assert.equal(unitText(text, f), '\n万元');
  });

  it('reads a year as kind other: 2024年', () => {
    const text = '2024年度收入总计 12,313.41 万元。';
    const f = figure(text, '2024');
    assert.equal(f.kind, 'other');
    assert.equal(f.unit, '年');
    assertDec(f.value, '2024');
  });

  it('reads a list number 1. before Chinese text as 1, not as a decimal', () => {
    const text = '1.预算收入 100 万元。';
    const f = figure(text, '1');
    assertDec(f.value, '1');
    assert.equal(f.decimals, 0);
    assert.equal(f.kind, 'other');
    assert.equal(figure(text, '100').unit, '万元');
  });

  it('reads a figure right after a full-width comma: ，47 人次', () => {
    // `，` is `,` in the half-width view; it must not count as part of a number before it.
    const text = '因公出国（境）团组 2 个，47 人次。';
    const f = figure(text, '47');
    assert.equal(f.kind, 'count');
    assert.equal(f.unit, '人次');
  });

  it('reports malformed figures in prose with their offsets, and reads none of them as a value', () => {
    const text = '项目支出 4.627.11 万元，医疗 1.064.05 万元，住房 0,987.78 万元。';
    const report = readReport(text);
    const found = report.malformed.map((m) => ({ text: m.text, slice: text.slice(m.start, m.end), where: m.where }));
    assert.deepEqual(found, [
      { text: '4.627.11', slice: '4.627.11', where: null },
      { text: '1.064.05', slice: '1.064.05', where: null },
      { text: '0,987.78', slice: '0,987.78', where: null },
    ]);
    assert.deepEqual(report.malformed.map((m) => [m.start, m.end]), [[5, 13], [20, 28], [35, 43]]);
    assert.deepEqual(report.figures.map((f) => f.text), []);
  });

  it('reports 1,2345.67 万元 (a group of four digits) as malformed, not as the figure 1', () => {
    const text = '项目支出 1,2345.67 万元。';
    const report = readReport(text);
    assert.deepEqual(report.malformed.map((m) => text.slice(m.start, m.end)), ['1,2345.67']);
    assert.deepEqual(report.figures.map((f) => f.text), []);
  });

  it('does not report an outline number 1.2.3 as malformed', () => {
    const report = readReport('见第 1.2.3 节。');
    assert.deepEqual(report.malformed, []);
  });
});
