import type { Rule } from './rule';

/** An amount no table cell could be found for: nothing to check it against. */
export const amountUnlinked: Rule = {
  id: 'amount-unlinked',
  severity: 'off',
  tags: ['link'],
  description: { zh: '正文金额未能对应到任何表格单元格，无法核对', en: 'A narrative amount that could not be tied to any table cell' },
  // Without tables nothing could have been linked: saying so for every figure is noise.
  check: ({ unlinked, report }) =>
    (report.tables.length ? unlinked : []).map((f) => ({
      start: f.start,
      end: f.end,
      message: {
        zh: `${f.text} ${f.unit ?? ''}未能对应到表格中的单元格，未作核对。`,
        en: `${f.text} ${f.unit ?? ''} could not be tied to a table cell, so it was not checked.`,
      },
      expected: null,
      related: [],
      fix: null,
    })),
};
