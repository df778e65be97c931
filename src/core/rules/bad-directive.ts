import type { Rule } from './rule';

/** An inline directive naming a rule that does not exist silences nothing, and says so. */
export const badDirective: Rule = {
  id: 'bad-directive',
  severity: 'warning',
  tags: ['directive'],
  description: { zh: '内联指令中的规则名不存在', en: 'An inline directive names a rule that does not exist' },
  check: ({ directives }) =>
    directives.problems.map((p) => ({
      start: p.start,
      end: p.end,
      message: p.message,
      expected: null,
      related: [],
      fix: null,
    })),
};
