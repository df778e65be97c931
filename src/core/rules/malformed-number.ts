import type { Rule } from './rule';

/** A figure that cannot be read as any value: OCR damage or a typing slip. */
export const malformedNumber: Rule = {
  id: 'malformed-number',
  severity: 'warning',
  tags: ['format'],
  description: {
    zh: '数字格式错误（如 4.627.11、0,987.78），无法读出数值',
    en: 'A figure that cannot be read as a number (e.g. 4.627.11, 0,987.78)',
  },
  check: ({ report }) =>
    report.malformed.map((m) => ({
      start: m.start,
      end: m.end,
      message: m.reading
        ? {
            zh: `数字“${m.text}”格式错误：千位分隔符用了全角逗号“，”，应写作 ${m.reading}${m.where ? `（${m.where}）` : ''}`,
            en: `“${m.text}” is not a well-formed number${m.where ? ` (${m.where})` : ''}: ${m.reason}; it reads as ${m.reading}`,
          }
        : {
            zh: `数字“${m.text}”格式错误，无法读出数值${m.where ? `（${m.where}）` : ''}`,
            en: `“${m.text}” is not a well-formed number${m.where ? ` (${m.where})` : ''}: ${m.reason}`,
          },
      expected: null,
      related: [],
      fix: null,
    })),
};
