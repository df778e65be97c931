// Each narrative rule on small crafted reports: a failing and a passing case, with the
// expected findings worked out by hand (the arithmetic is in the comments).
import assert from 'node:assert/strict';
import { check } from '../../src/core/check';
import type { Finding } from '../../src/core/finding';
import { fixture } from '../helpers';

const findings = (text: string, rule: string) => check(text).findings.filter((f) => f.rule === rule);
const at = (text: string, f: Finding) => text.slice(f.start, f.end);

/** Applies every fix, last first so earlier offsets stay valid. */
function applyFixes(text: string, list: Finding[]): string {
  return [...list].sort((a, b) => b.start - a.start).reduce((t, f) => (f.fix ? t.slice(0, f.fix.start) + f.fix.newText + t.slice(f.fix.end) : t), text);
}

describe('completion-mismatch', () => {
  // 44.5 ÷ 450 = 9.888…% → 9.89%; with 44.5 ∈ [44.45, 44.55] and 450 ∈ [449.5, 450.5] the rate
  // lies in [9.866%, 9.912%], so 9.88% is explained by rounding and 9.80% is not.
  const wrong = '（10）信息化建设（项）。年初预算为450万元，支出决算为44.5万元，完成年初预算的9.80%。';
  it('flags a rate no rounding explains, on the rate, with the right figure as fix', () => {
    const [f, ...rest] = findings(wrong, 'completion-mismatch');
    assert.equal(rest.length, 0);
    assert.equal(at(wrong, f!), '9.80');
    assert.equal(f!.expected, '9.89');
    const fix = f!.fix!;
    assert.deepEqual({ ...fix, old: wrong.slice(fix.start, fix.end) }, { start: f!.start, end: f!.end, newText: '9.89', old: '9.80' });
    assert.match(f!.message.zh, /完成率应为 9\.89%/);
    assert.deepEqual(f!.related.map((r) => at(wrong, r as Finding)), ['44.5', '450']);
  });
  it('accepts a rate that rounding of the shown figures explains', () => {
    assert.deepEqual(findings(wrong.replace('9.80%', '9.88%'), 'completion-mismatch'), []);
    assert.deepEqual(findings(wrong.replace('9.80%', '9.89%'), 'completion-mismatch'), []);
  });
  it('--fix leaves a text that checks clean and changes nothing else', () => {
    const fixed = applyFixes(wrong, check(wrong).findings);
    assert.equal(fixed, wrong.replace('9.80%', '9.89%'));
    assert.deepEqual(check(fixed).findings.filter((f) => f.fix), []);
  });
});

describe('change-mismatch', () => {
  // 1.85 ÷ (38.20 − 1.85) = 1.85 ÷ 36.35 = 5.089…% → 5.1%; 5.0% is the truncation.
  const wrong = '公务接待费支出 38.20 万元，比上年增加 1.85 万元，增长 5.0%。';
  it('flags a truncated growth rate and says it is a truncation', () => {
    const [f] = findings(wrong, 'change-mismatch');
    assert.equal(at(wrong, f!), '5.0');
    assert.equal(f!.expected, '5.1');
    assert.match(f!.message.en, /truncates/);
  });
  it('accepts the rounded rate, and a decrease computed on the prior year', () => {
    assert.deepEqual(findings(wrong.replace('5.0%', '5.1%'), 'change-mismatch'), []);
    // 16896.63 ÷ (12313.41 + 16896.63) = 57.845…% → 57.85% (fixture 000's first sentence).
    assert.deepEqual(findings('2024年度收入、支出总计 12313.41万元,比上年减少 16896.63万元,下降 57.85%。', 'change-mismatch'), []);
    assert.equal(findings('2024年度收入、支出总计 12313.41万元,比上年减少 16896.63万元,下降 57.31%。', 'change-mismatch').length, 1);
  });
  it('with a zero base, the increase must equal this year’s amount', () => {
    const zero = '公务接待费 25.10 万元，比上年增加 52.10 万元，增长（基数为 0，不可比）。';
    const [f] = findings(zero, 'change-mismatch');
    assert.equal(at(zero, f!), '52.10');
    assert.equal(f!.expected, '25.10');
    assert.deepEqual(findings(zero.replace('52.10', '25.10'), 'change-mismatch'), []);
  });
});

describe('share-mismatch', () => {
  // 4917.44 ÷ 11729.54 = 41.9235…% → 41.92%.
  const wrong = '本年支出合计 11729.54 万元，其中：基本支出 4917.44 万元，占 40.92%；项目支出 6812.10 万元，占 58.08%。';
  it('takes the whole from the total the sentence opens with', () => {
    const list = findings(wrong, 'share-mismatch');
    assert.deepEqual(list.map((f) => [at(wrong, f), f.expected]), [['40.92', '41.92']]);
  });
  it('does not flag what rounding explains: fixture 000’s 3.67 / 4.27 stated as 85.89%', () => {
    // 3.67 ÷ 4.27 = 85.95%, but with 3.67 ∈ [3.665, 3.675) and 4.27 (the sum of the parts) in
    // its envelope the ratio covers [85.73%, 86.17%].
    const text = fixture('000_68829c0b624b4a3b.txt');
    const at8589 = text.indexOf('85.89');
    assert.ok(at8589 > 0);
    assert.ok(!check(text).findings.some((f) => f.start <= at8589 && f.end > at8589));
    assert.ok(check(text).claims.some((c) => c.kind === 'share' && c.rate.start === at8589), 'the share is read and checked');
  });
  it('looks up a named whole in the tables, converting units', () => {
    // 6,822,048.75 ÷ 7,258,755.96 = 93.9837…% → 93.98%.
    const report = ['公开 01 表', '', '金额单位：元', '', '| 项目 | 金额 |', '|---|---|', '| 本年支出合计 | 7,258,755.96 |', '', '一般公共预算财政拨款支出 6,822,048.75 元，占本年支出合计的 93.00%。'].join('\n');
    const [f] = findings(report, 'share-mismatch');
    assert.equal(f!.expected, '93.98');
    assert.ok(f!.related.some((r) => report.slice(r.start, r.end) === '7,258,755.96'));
    assert.deepEqual(findings(report.replace('93.00%', '93.98%'), 'share-mismatch'), []);
  });
});

describe('zero-base-rate', () => {
  it('0 ÷ 0 is information: write 年初无预算', () => {
    const text = '因公出国（境）费预算为 0.00 元，支出决算为 0.00 元，完成预算的 100.00%。';
    const [f] = findings(text, 'zero-base-rate');
    assert.equal(f!.severity, 'information');
    assert.equal(at(text, f!), '100.00');
  });
  it('a rate of a non-zero actual on a zero budget is a warning', () => {
    const [f] = findings('公务接待费预算为 0 万元，支出决算为 5.00 万元，完成预算的 100%。', 'zero-base-rate');
    assert.equal(f!.severity, 'warning');
  });
  it('a non-zero budget is not its business', () => {
    assert.deepEqual(findings('年初预算为 62 万元，支出决算为 58.30 万元，完成年初预算的 94.03%。', 'zero-base-rate'), []);
  });
});

describe('direction-word', () => {
  // 58.30 < 62, and 58.30 ÷ 62 = 94.03%: the rate is right, the word is wrong.
  const wrong = '年初预算为 62 万元，支出决算为 58.30 万元，完成年初预算的 94.03%。决算数大于预算数的主要原因是：年中追加。';
  it('flags 大于 when the actual is less than the budget', () => {
    const list = check(wrong).findings;
    assert.deepEqual(list.map((f) => [f.rule, at(wrong, f)]), [['direction-word', '大于']]);
  });
  it('accepts the right word', () => {
    assert.deepEqual(check(wrong.replace('大于', '小于')).findings, []);
    assert.deepEqual(check('年初预算为1036.07万元，支出决算为1036.07万元，完成年初预算的100%。决算数与预算数一致。').findings, []);
  });
  it('flags a rate word that contradicts the change word', () => {
    const text = '公务接待费支出 38.20 万元，比上年增加 1.85 万元，下降 5.1%。';
    const [f] = findings(text, 'direction-word');
    assert.equal(at(text, f!), '下降');
  });
});

describe('the real reports', () => {
  it('find no arithmetic fault where the fixtures have none (checked by hand)', () => {
    // Every completion, change and share rate of fixtures 001 and 003 agrees with its figures
    // within rounding (e.g. 001: 343,928.02 ÷ 357,565.00 = 96.186% → 96.19%).
    for (const name of ['001_6a62bd9b783e40ec.txt', '003_a0c01ccc9db781f0.txt']) {
      const rules = new Set(check(fixture(name)).findings.map((f) => f.rule));
      for (const rule of ['completion-mismatch', 'change-mismatch', 'share-mismatch', 'direction-word']) assert.ok(!rules.has(rule), `${name}: ${rule}`);
    }
  });
  it('fixture 001: 0.00 ÷ 0.00 stated as 100.00% is reported as a zero-base rate', () => {
    const text = fixture('001_6a62bd9b783e40ec.txt');
    const zero = check(text).findings.filter((f) => f.rule === 'zero-base-rate');
    assert.ok(zero.some((f) => at(text, f) === '100.00' && text.slice(f.start - 120, f.start).includes('公务用车购置及运行维护费预算为 0.00 元')));
  });
});

describe('zero-base-rate on changes and shares', () => {
  it('an increase equal to this year’s amount has no growth rate', () => {
    const text = '公务接待费支出 25.10 万元，比上年增加 25.10 万元，增长 100%。';
    const [f] = findings(text, 'zero-base-rate');
    assert.equal(at(text, f!), '100');
    assert.equal(f!.severity, 'warning');
  });
  it('a share of a zero whole: 0 ÷ 0 is information', () => {
    const text = '授予中小企业合同金额 0 万元，其中：授予小微企业合同金额 0 万元，占 0%。';
    const [f] = findings(text, 'zero-base-rate');
    assert.equal(f!.severity, 'information');
  });
});
