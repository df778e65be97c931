// The inline-marker helper itself, and the older rules' crafted cases written with it.
import assert from 'node:assert/strict';
import { expectMarked, parseMarkers } from '../../markers';

describe('inline markers ({{rule:text=>fix}})', () => {
  it('strips the markers, keeps their offsets in the plain text, and builds the fixed text', () => {
    const m = parseMarkers('增长 {{percent-sign:13.95=>13.95%}}，占 {{share-mismatch:40.92}}%。');
    assert.equal(m.text, '增长 13.95，占 40.92%。');
    assert.equal(m.fixed, '增长 13.95%，占 40.92%。');
    assert.deepEqual(m.marks.map((x) => [x.rule, m.text.slice(x.start, x.end), x.fix]), [['percent-sign', '13.95', '13.95%'], ['share-mismatch', '40.92', null]]);
  });
  it('fails on a marker left open', () => {
    assert.throws(() => parseMarkers('增长 {{percent-sign:13.95。'), /not closed/);
  });
});

describe('the arithmetic rules, as marked excerpts', () => {
  it('completion-mismatch: 44.5 ÷ 450 = 9.888…% → 9.89%; 9.88% is within rounding', () => {
    expectMarked('completion-mismatch', '（10）信息化建设（项）。年初预算为450万元，支出决算为44.5万元，完成年初预算的{{completion-mismatch:9.80=>9.89}}%。');
    expectMarked('completion-mismatch', '（10）信息化建设（项）。年初预算为450万元，支出决算为44.5万元，完成年初预算的9.88%。');
  });
  it('direction-word: 58.30 < 62, so 大于 is wrong (no fix: the reason after it is the author’s)', () => {
    expectMarked('direction-word', '年初预算为 62 万元，支出决算为 58.30 万元，完成年初预算的 94.03%。决算数{{direction-word:大于}}预算数的主要原因是：年中追加。');
    expectMarked('direction-word', '年初预算为 62 万元，支出决算为 58.30 万元，完成年初预算的 94.03%。决算数小于预算数的主要原因是：年中追加。');
  });
});
