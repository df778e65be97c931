// What each claim kind reads, on excerpts of the fixtures (line named) with one figure or word
// made wrong, as ../shared/eval/mutate.mjs makes them: the finding must land on the wrong
// figure, and the figures computed from it must stay silent.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../../../src/core/check';
import { expectMarked } from '../../markers';

const REPORTS = join(__dirname, '..', '..', 'fixtures', 'reports');

/** A fixture with `from` replaced by `to` on its 1-based line `line`, and the offset of the change. */
function mutated(name: string, line: number, from: string, to: string): { text: string; at: number } {
  const lines = readFileSync(join(REPORTS, name), 'utf8').split('\n');
  const at = lines[line - 1]!.indexOf(from);
  assert.ok(at >= 0, `${from} on line ${line} of ${name}`);
  lines[line - 1] = lines[line - 1]!.slice(0, at) + to + lines[line - 1]!.slice(at + from.length);
  return { text: lines.join('\n'), at: lines.slice(0, line - 1).join('\n').length + 1 + at };
}
const warningsOf = (text: string) => check(text).findings.filter((f) => f.severity === 'warning' || f.severity === 'error');

/** The warnings the change to the fixture adds (the fixture's own ones left out; `from` and `to` are of one length). */
function newWarnings(name: string, line: number, from: string, to: string) {
  assert.equal(from.length, to.length);
  const { text, at } = mutated(name, line, from, from);
  const before = new Set(warningsOf(text).map((f) => `${f.rule}@${f.start}`));
  const after = mutated(name, line, from, to);
  return { text: after.text, at, found: warningsOf(after.text).filter((f) => !before.has(`${f.rule}@${f.start}`)) };
}

describe('claim kinds: direction words', () => {
  it('an amount word the rate and the figures refute is blamed, not the rate (003 L468)', () => {
    // 172.69 ÷ (1,576.3 + 172.69) = 9.874% → 下降 9.87% holds; 增加 would give 12.30%.
    const [f] = expectMarked(['direction-word', 'change-mismatch', 'trend-word'],
      '1、基本支出 1,576.3 万元。与 2023 年度相比，{{direction-word:增加}} 172.69 万元，下降 9.87%。以上因素导致基本支出降幅明显。\n');
    assert.match(f!.message.en, /figures show a decrease/);
  });
  it('a rate word the figures refute is blamed, as before (putuo-shengtai L397–398)', () => {
    // 90.09 ÷ (4733.14 − 90.09) = 1.940% → an increase.
    expectMarked(['direction-word', 'change-mismatch'], '财政拨款收入支出总计 4733.14 万元。与 2024 年度相比，财政拨款收入支出总计增加\n90.09 万元，{{direction-word:下降}} 1.94%。\n');
  });
  it('决算数与预算数不一致 of equal figures (000 L569), and 不一致 of unequal ones is right', () => {
    expectMarked('direction-word', '年初预算为68.57万元,支出决算为68.57万元,完成年初预算的100%。决算数与预算数{{direction-word:不一致}}。\n\n年初预算为535万元,支出决算为517.62万元。决算数与预算数不一致。\n');
  });
  it('an actual amount-mismatch corrects is blamed, not the direction word (003 L533, 49.33 → 51.67 against 年初预算 50.02)', () => {
    const { at, found } = newWarnings('003_a0c01ccc9db781f0.txt', 533, '49.33', '51.67');
    assert.deepEqual(found.map((f) => [f.rule, f.start === at]), [['amount-mismatch', true]]);
  });
  it('a rate and 同预算数 opening the paragraph after its budget and actual (putuo-guihua L696–698)', () => {
    // 0.88 ÷ 0.88: [0.875 ÷ 0.885, 0.885 ÷ 0.875] = [98.87%, 101.15%].
    expectMarked(['completion-mismatch', 'direction-word'], '开展活动支出。年初预算为 0.88 万元，支出决算为 0.88 万元。\n\n完成年初预算的 {{completion-mismatch:96.63=>100.00}}%。决算数同预算数{{direction-word:不一致}}。\n');
  });
});

describe('claim kinds: completion rates', () => {
  it('执行数 is the actual (003 L633)', () => {
    // 213.4 ÷ 270 = 79.037% → 79.04%.
    expectMarked('completion-mismatch', '4. 医疗保障业务工作经费项目项目绩效自评综述：根据年初设定的绩效目标，项目自评得分为 97.9 分。全年预算数为 270 万元，执行数为 213.4 万元，完成预算的 {{completion-mismatch:75.67=>79.04}}%。\n');
  });
  it('a figure restating its cell with fewer decimals is bounded by the cell (003 L585, 公开09表 0.50 / 0.50)', () => {
    // Read as stated, 0.5 ÷ 0.5 allows [81.8%, 122.2%]; the cells 0.50 ÷ 0.50 only [98.0%, 102.0%].
    const { text, at } = mutated('003_a0c01ccc9db781f0.txt', 585, '完成全年预算的 100%', '完成全年预算的 97%');
    const found = warningsOf(text).filter((f) => f.rule === 'completion-mismatch' && f.start <= at + 8 && f.end >= at + 8);
    assert.deepEqual(found.map((f) => f.expected), ['100']);
  });
});

describe('claim kinds: changes', () => {
  it('a comparison sentence refers back past a sentence without amounts (001 L435)', () => {
    // 6,040.49 ÷ (3,944,569.65 − 6,040.49) = 0.1534% → 0.15%.
    expectMarked('change-mismatch', '1. 工资福利支出 3,944,569.65 元,较 2024 年度年初预算数减少 89638.35 元,下降 2.22%。主要原因是 2024 年度我单位新招录公务员 1 人,9 月调出事业人员 1 人导致工资变动。较 2023 年度决算数增加 6,040.49 元,增长 {{change-mismatch:2.56=>0.15}}%。主要原因是正常工资浮动。\n');
  });
  it('an item’s change whose amount was stated before, under the same item (putuo-shengtai L518–530)', () => {
    // 5.07 ÷ (16.95 − 5.07) = 42.677% → 42.68%, for the 三公 total and for 公务用车 alike.
    expectMarked(['change-mismatch', 'direction-word'], [
      '“三公”经费财政拨款支出年初预算为 21.00 万元，支出决算\n为 16.95 万元，完成预算的 80.71%，其中：因公出国（境）费决\n算为 0.00 万元，完成预算的 0.00%；公务用车购置及运行维护费\n支出决算为 16.95 万元，完成预算的 82.68%；公务接待费支出决\n算为 0.00 万元，完成预算的 0.00%。\n',
      '2025 年度“三公”经费财政拨款支出决算数比 2024 年度增加\n5.07 万元，增长 42.68%，其中：因公出国（境）费支出决算为\n0.00 万元，与 2024 年持平；公务用车购置及运行维护费支出决\n算增加 5.07 万元，增长 {{change-mismatch:45.09=>42.68}}%；公务接待费支出决算减少为 0.00\n万元，与 2024 年持平。\n',
    ].join(''));
  });
  it('no amount taken for an item stated twice with different amounts', () => {
    expectMarked('change-mismatch', '公务接待费支出决算为 0.60 万元；公务接待费支出决算为 0.80 万元。公务接待费支出决算比上年减少 0.10 万元，下降 50.00%。\n');
  });
  it('a change word broken over a line (putuo-shengtai L401–403)', () => {
    // 90.09 ÷ (4733.14 − 90.09) = 1.940% → 1.94%.
    expectMarked('change-mismatch', '一般公共预算财政拨款支出 4733.14 万元，占本年支出合计\n的 100.00%。与 2024 年度相比，一般公共预算财政拨款支出增\n加 90.09 万元，增长 {{change-mismatch:4.35=>1.94}}%。主要原因：基本支出增加。\n');
  });
});

describe('claim kinds: shares', () => {
  it('shares after 主要用于以下方面 are of the total before it (putuo-shengtai L405–408, shortened)', () => {
    // 409.89 ÷ 4733.14 = 8.660% → 8.66%.
    expectMarked('share-mismatch', '一般公共预算财政拨款支出 4733.14 万元，主要用于以下方\n面：住房保障支出（类）409.89 万元，占 {{share-mismatch:11.07=>8.66}}%。\n');
  });
  it('one wrong share in a list with no total: the others are of the parts’ sum (000 L548)', () => {
    // 3225.70 + 8379.02 + 124.82 = 11729.54; 124.82 ÷ 11729.54 = 1.064% → 1.06%.
    expectMarked('share-mismatch', '2024 年度一般公共预算财政拨款支出主要用于以下方面: 社会保障和就业支出(类) 3225.70 万元,占 27.50%;卫生健康支出(类) 8379.02 万元,占 71.44%;住房保障支出(类)124.82 万元,占 {{share-mismatch:3.47=>1.06}}%。\n');
  });
  it('silent on shares of a whole the list does not name in full (none is part ÷ the parts’ sum)', () => {
    expectMarked('share-mismatch', '其中：基本支出 20.00 万元，占 20.00%；项目支出 30.00 万元，占 30.00%；其他支出 10.00 万元，占 10.00%。\n');
  });
});

describe('claim kinds: sums', () => {
  it('政府采购 = 货物 + 工程 + 服务; the shares of the wrong total stay silent (001 L487)', () => {
    expectMarked(['parts-sum', 'share-mismatch'], '2024 年度本部门政府采购支出总额 {{parts-sum:1,002,425.98}} 元，其中：政府采购货物支出 10,760.00 元、政府采购工程支出 0.00 元、政府采购服务支出 978,800.00 元。授予中小企业合同金额 989,560.00 元，占政府采购支出总额的 100.00%。\n');
  });
  it('parts listed in the next sentence, each with its own change (putuo-jianguanwei L1316–1318)', () => {
    const excerpt = (total: string) => `（二）公务用车购置及运行费${total}万元，比2025年预算增加0万元，主要原因是没有增加公车购置及运行费。其中：公务用车购置费0\n万元，比2025年预算增加0万元，主要原因是没有安排公车购置费预算；公务用车运行费42.24万元，比2025年预算增加0万元，主要原因是\n没有增加公车运行费。\n`;
    expectMarked('parts-sum', excerpt('{{parts-sum:44.49}}'));
    // The changes (增加0万元) are neither parts nor totals.
    expectMarked('parts-sum', excerpt('42.24'));
  });
  it('vehicles: a list ending in 其他用车 is all of them (003 L609)', () => {
    expectMarked('parts-sum', '截至 2024 年 12 月 31 日，本部门共有车辆 {{parts-sum:4}} 辆，其中，符合规定领导干部用车 0 辆、机要通信用车 0 辆、应急保障用车 2 辆、执法执勤用车 0 辆、特种专业技术用车 0 辆、离退休干部用车 0 辆、其他用车 0 辆；单价 100 万元（含）以上设备（不含车辆）0 台（套）。\n');
  });
  it('the one part no cell confirms is blamed, not the confirmed total (003 L433–435, 其他收入 0 → 2)', () => {
    const { text, at, found } = newWarnings('003_a0c01ccc9db781f0.txt', 435, '其他收入 0 万元', '其他收入 2 万元');
    assert.deepEqual(found.map((f) => [f.rule, f.start, text.slice(f.start, f.end)]), [['parts-sum', at + 5, '2']]);
  });
  it('a part amount-mismatch corrects leaves its total alone (000 L581, 44.5 → 46.8; total L552)', () => {
    const { at, found } = newWarnings('000_68829c0b624b4a3b.txt', 581, '44.5', '46.8');
    assert.deepEqual(found.map((f) => [f.rule, f.start === at]), [['amount-mismatch', true]]);
  });
});
