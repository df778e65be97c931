import type { Found, Rule } from './rule';

/**
 * A count of the report's own parts that differs from what the report has: `对…7 项部门项目支出开展了
 * 绩效自评` with six 项目支出绩效自评表, `“A”、“B”等3个项目` naming two, `38个三级指标` when the
 * indicator table has 37 rows (links/document-counts.ts). Information, never a warning: the
 * report may evaluate projects it does not attach (a 上级 transfer's form is shown apart, `等` need
 * not list them all), and a form or row lost in the PDF's conversion is not read — the engine is
 * never certain that the report holds all of what it counts. No fix.
 */
export const documentCount: Rule = {
  id: 'document-count',
  severity: 'information',
  tags: ['consistency', 'count'],
  description: { zh: '正文所述的项目、绩效自评表或指标个数与报告中实际所列不同', en: 'A count of projects, self-evaluation forms or indicators that differs from what the report lists' },
  check: ({ counts }) =>
    counts
      .filter((c) => !c.agrees)
      .map(({ figure, what, items }): Found => ({
        start: figure.start,
        end: figure.end,
        message: {
          zh: `此处为 ${figure.text} ${figure.unit ?? ''}，${what.zh}共 ${items.length} 个；若报告未附全部，请忽略。`,
          en: `${figure.text} ${figure.unit ?? ''} here, but ${what.en} number ${items.length}; ignore this if the report does not attach them all.`,
        },
        expected: null,
        related: items.map((i) => ({ start: i.start, end: i.end, message: { zh: what.zh, en: what.en } })),
        fix: null,
      })),
};
