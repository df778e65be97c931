import { shown } from '../interval';
import { changeGoesUp, saysUp } from '../rates';
import { related } from './rate-check';
import type { Found, Rule } from './rule';

const WORDS = {
  greater: { zh: '大于', en: 'greater than' },
  less: { zh: '小于', en: 'less than' },
  equal: { zh: '等于', en: 'equal to' },
};

/** 决算数大于 / 小于 / 等于预算数 must agree with the figures; so must 增加 / 减少 with the rate's word. */
export const directionWord: Rule = {
  id: 'direction-word',
  severity: 'warning',
  tags: ['wording'],
  description: { zh: '大于/小于/一致、增加/减少等用词与数字方向不符', en: 'A direction word (大于/小于/一致, 增加/减少) that contradicts the figures' },
  check: ({ claims, asFixed }) =>
    claims.flatMap((c): Found[] => {
      if (c.kind === 'change' && c.rateWord) {
        if (saysUp(c.word.text) === saysUp(c.rateWord.text)) return [];
        // The figures bear out the rate's word: the amount's word is the wrong one.
        const goesUp = changeGoesUp(c, asFixed);
        if (goesUp !== null && goesUp !== c.increase) {
          const truth = goesUp ? { zh: '增加', en: 'an increase' } : { zh: '减少', en: 'a decrease' };
          return [{
            start: c.word.start, end: c.word.end,
            message: {
              zh: `此处说“${c.word.text}”，后文增减率却说“${c.rateWord.text}”；按所列数字是${truth.zh}，方向词有误。`,
              en: `The amount is said to ${c.word.text} but the rate to ${c.rateWord.text}, and the figures show ${truth.en}: this direction word is wrong.`,
            },
            expected: null, related: [{ ...c.rateWord, message: { zh: '增减率的方向词', en: "the rate's direction word" } }], fix: null,
          }];
        }
        return [{
          start: c.rateWord.start, end: c.rateWord.end,
          message: { zh: `前文说“${c.word.text}”，此处却说“${c.rateWord.text}”，方向矛盾。`, en: `The amount is said to ${c.word.text} but the rate to ${c.rateWord.text}: the directions contradict.` },
          expected: null, related: [{ ...c.word, message: { zh: '方向词', en: 'direction word' } }], fix: null,
        }];
      }
      if (c.kind !== 'direction') return [];
      // As fix-all leaves them: an amount amount-mismatch corrects is blamed there, not the word.
      const actual = asFixed(c.actual);
      const budget = asFixed(c.budget);
      const a = shown(actual.value, actual.decimals);
      const b = shown(budget.value, budget.decimals);
      const truth = a.lo.gte(b.hi) ? 'greater' : a.hi.lte(b.lo) ? 'less' : actual.value.eq(budget.value) ? 'equal' : null;
      // 不一致 is right of any actual that differs from the budget.
      if (truth === null || truth === c.says || (c.says === 'unequal' && truth !== 'equal')) return [];
      return [{
        start: c.word.start, end: c.word.end,
        message: {
          zh: `决算数 ${actual.text} ${WORDS[truth].zh}预算数 ${budget.text}，文中却说“${c.word.text}”。`,
          en: `The actual ${actual.text} is ${WORDS[truth].en} the budget ${budget.text}, but the text says ${c.word.text}.`,
        },
        expected: null,
        related: [related(c.actual, '决算数', 'actual'), related(c.budget, '预算数', 'budget')],
        fix: null,
      }];
    }),
};
