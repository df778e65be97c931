// Hostile input: check() must return, without throwing, with every range inside the text.
// Timings of the big inputs are printed, never asserted.
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { check, type CheckResult } from '../../src/core/check';
import { assertRangesInside } from '../helpers';

/** Runs check() on `text`, checks its ranges, and prints how long it took. */
function survive(name: string, text: string): CheckResult {
  const t0 = performance.now();
  const result = check(text);
  const ms = performance.now() - t0;
  console.log(`      ${name}: ${text.length.toLocaleString('en')} chars in ${ms.toFixed(0)} ms (${result.report.figures.length} figures, ${result.report.tables.length} tables, ${result.findings.length} findings)`);
  assertRangesInside(text, result);
  return result;
}

/** `count` lines made by `line(i)`, joined with newlines. */
const lines = (count: number, line: (i: number) => string) => Array.from({ length: count }, (_, i) => line(i)).join('\n') + '\n';

/** A plausible amount for row `i`, grouped: 1,234.56 … */
const amount = (i: number) => ((i * 7919) % 100_000 + (i % 100) / 100).toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

describe('hostile input', function () {
  // Generous: these inputs are large and CI machines are slow; speed is measured in bench/, not here.
  this.timeout(300_000);

  it('an empty file', () => {
    const { report, findings } = survive('empty', '');
    assert.deepEqual(report.figures, []);
    assert.deepEqual(report.tables, []);
    assert.deepEqual(findings, []);
  });

  it('whitespace only', () => {
    survive('whitespace', ' \n\t\r\n\u3000\n'.repeat(1000));
  });

  it('binary-ish characters', () => {
    survive('binary-ish', '\u0000\u0001\uFFFD\u0007\u001B\uD800'.repeat(50_000));
  });

  it('a 10 MB single line of digits, CJK and punctuation', () => {
    const piece = '本年支出合计 12,313.41 万元，占 41.92%；4.627.11万元（１２３．４５）2024年|-—/\\ 1e999 0,987.78% ';
    const text = piece.repeat(Math.ceil((10 * 1024 * 1024) / piece.length));
    const { report } = survive('10 MB line', text);
    assert.ok(report.figures.length > 0);
  });

  it('a markdown table of 100,000 rows', () => {
    const text = '公开 03 表 单位：万元\n\n| 科目编码 | 科目名称 | 本年支出合计 | 基本支出 |\n|---|---|---|---|\n' +
      lines(100_000, (i) => `| ${2080500 + (i % 100)} | 科目${i} | ${amount(i)} | ${amount(i + 1)} |`);
    const { report } = survive('markdown 100,000 rows', text);
    assert.equal(report.tables.length, 1);
    // Read to its end (rows repeating a code may fold as OCR echoes: the count is the reader's business).
    assert.equal(report.tables[0]!.rows.at(-1)!.label, '科目99999');
  });

  it('a row of 10,000 cells', () => {
    const header = `| 项目 | ${Array.from({ length: 9_999 }, (_, i) => `列${i}`).join(' | ')} |`;
    const text = `公开 03 表 单位：万元\n\n${header}\n|${'---|'.repeat(10_000)}\n| 合计 | ${Array.from({ length: 9_999 }, (_, i) => amount(i)).join(' | ')} |\n`;
    const { report } = survive('10,000 cells', text);
    assert.equal(report.tables[0]!.rows[0]!.cells.length, 9_999);
  });

  it('a tab-separated table of 10,000 rows', () => {
    const text = '金额单位：元\n项目\t行次\t决算数\t项目\t行次\t决算数\n' +
      lines(10_000, (i) => `收入${i}\t${i + 1}\t${amount(i)}\t支出${i}\t${i + 10_001}\t${amount(i + 3)}`);
    survive('tab 10,000 rows', text);
  });

  it('a whitespace-aligned table of 10,000 rows', () => {
    const text = '单位：万元\n' + lines(10_000, (i) => `${String(208 + (i % 10)).padEnd(10)}科目${String(i).padEnd(20)}${amount(i).padStart(14)}${amount(i + 1).padStart(14)}`);
    survive('aligned 10,000 rows', text);
  });

  it('a number with 10,000 digits', () => {
    survive('10,000 digits', `本年支出合计 ${'9'.repeat(10_000)} 万元，占 ${'1'.repeat(10_000)}.5%。\n\n| 项目 | 金额 |\n|---|---|\n| 合计 | ${'8'.repeat(10_000)} |\n`);
  });

  it('a grouped number of 10,000 digits', () => {
    survive('grouped 10,000 digits', `收入 1${',000'.repeat(3333)}.00 万元。`);
  });

  it('1e999, Infinity and NaN', () => {
    survive('1e999', '本年支出合计 1e999 万元，增长 Infinity%，NaN 元，-1e999 元。\n\n| 项目 | 金额 |\n|---|---|\n| 合计 | 1e999 |\n| 小计 | NaN |\n');
  });

  it('500 levels of nested blockquotes', () => {
    survive('500 blockquotes', `${'> '.repeat(500)}本年支出合计 12,313.41 万元，占 100%。\n`);
  });

  it('500 levels of nested lists', () => {
    survive('500 nested lists', lines(500, (i) => `${'  '.repeat(i)}- 第${i}项 ${amount(i)} 万元`));
  });

  it('500 levels of blockquote around a table', () => {
    const q = '> '.repeat(500);
    survive('table in 500 blockquotes', `${q}| 项目 | 金额 |\n${q}|---|---|\n${q}| 合计 | 12,313.41 |\n`);
  });
});
