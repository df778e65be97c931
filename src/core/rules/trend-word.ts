import type { Claim } from '../claims';
import type { Block } from '../report';
import { changeGoesUp } from '../rates';
import { prose } from '../report-facts';
import type { Found, Rule } from './rule';

type Change = Extract<Claim, { kind: 'change' }>;

const UP_WORD = /增|升|提高/;
/** A conclusion about a trend, with no figure after it: `导致 2024 年收入支出同比降幅明显`. */
const CONCLUSION = /(?:导致|致使|造成|使得|因此|从而)([^,，。；;]{0,30}?)(?:同比|较上年|比上年)?\s*((?:降幅|增幅)(?:明显|较大)|大幅(?:下降|减少|增加|增长)|明显(?:下降|减少|增加|增长)|减少|下降|降低|增加|增长|上升|提高)(?=\s*(?:[,，。；;]|$))/g;
/** `减少为 0.00 万元，与 2024 年持平`: a change word and 持平 for one item, in one clause. */
const FLAT = /与\s*(?:上年|上一年|(?:19|20)[0-9]{2}\s*年度?)(?:度)?\s*(?:相比\s*)?(基本持平|持平|相同|一致|没有变化|无变化)/g;
const CHANGE_IN_CLAUSE = /(增加|减少|增长|下降|降低|上升|降至|增至)(为|至|到)?\s*(?=([0-9][0-9,.]*))/g;

/** Names as they compare: no years, no spaces, one word for 收、支 / 收入支出. */
const subjectKey = (s: string) =>
  s.replace(/(?:19|20)[0-9]{2}\s*年度?/g, '').replace(/\s|的|了|年/g, '').replace(/收入[、,，]?支出|收[、,，]支/g, '收支');

/**
 * A trend word that contradicts what the same paragraph states for the same subject: a
 * conclusion (导致 … 降幅明显) opposite to the change the paragraph states (增加 333.97 万元，
 * 增长 12.6%), and 持平 beside a change word for one item (减少为 0.00 万元，与上年持平). 基本持平
 * is left alone: it allows a small change.
 */
export const trendWord: Rule = {
  id: 'trend-word',
  severity: 'warning',
  tags: ['wording', 'direction'],
  description: { zh: '趋势用词（降幅明显、减少、持平等）与同一段落中所述的增减相矛盾', en: 'A trend word (降幅明显, 减少, 持平) that contradicts the change the same paragraph states' },
  check: ({ report, claims }) => {
    const out: Found[] = [];
    const changes = claims.filter((c): c is Change => c.kind === 'change').sort((a, b) => a.word.start - b.word.start);
    let next = 0;
    for (const block of prose(report)) {
      if (block.kind !== 'paragraph') continue;
      while (next < changes.length && changes[next]!.word.start < block.start) next++;
      const inside: Change[] = [];
      for (let k = next; k < changes.length && changes[k]!.word.end <= block.end; k++) inside.push(changes[k]!);
      out.push(...conclusions(report.norm, block, inside));
      out.push(...flatBesideChange(report.norm, block));
    }
    return out;
  },
};

function conclusions(norm: string, block: Block, changes: Change[]): Found[] {
  if (changes.length === 0) return [];
  const out: Found[] = [];
  const text = norm.slice(block.start, block.end);
  const first = changes[0]!;
  // Where a change's own words contradict, the figures say which way it went (direction-word flags the word).
  const firstUp = changeGoesUp(first);
  if (firstUp === null) return [];
  // The subject of the paragraph's first change: the words before it.
  const lead = subjectKey(norm.slice(block.start, first.word.start));
  let goesOneWay = true;
  let seen = 0;
  for (const m of text.matchAll(CONCLUSION)) {
    const at = block.start + m.index;
    // Only when every change stated before it goes one way: a paragraph of ups and downs has no one trend.
    while (seen < changes.length && changes[seen]!.word.end <= at) goesOneWay &&= changeGoesUp(changes[seen++]!) === firstUp;
    if (seen === 0 || !goesOneWay) continue;
    const subject = subjectKey(m[1]!);
    if (subject.length < 2 || !lead.includes(subject)) continue;
    const word = m[2]!;
    const up = UP_WORD.test(word);
    if (up === firstUp) continue;
    const start = at + m[0].length - word.length;
    out.push({
      start,
      end: start + word.length,
      message: {
        zh: `同段前文说${first.word.text} ${first.delta.text} ${first.delta.unit ?? ''}${first.rate ? `（${first.rateWord?.text ?? ''}${first.rate.text}%）` : ''}，此处却说“${word}”，方向矛盾。`,
        en: `The paragraph states ${firstUp ? 'an increase' : 'a decrease'} (${first.word.text} ${first.delta.text} ${first.delta.unit ?? ''}), but concludes ${word}: the directions contradict.`,
      },
      expected: null,
      related: [{ start: first.word.start, end: first.word.end, message: { zh: '所述增减', en: 'the change stated' } }],
      fix: null,
    });
  }
  return out;
}

/** 基本持平 allows a small change: a stated rate of 10% or more, in the clause before it, is not one. */
function roughlyFlat(text: string, block: Block, m: RegExpMatchArray): Found[] {
  const window = text.slice(Math.max(0, m.index! - 60), m.index);
  const clause = window.slice(Math.max(window.lastIndexOf('。'), window.lastIndexOf(';'), window.lastIndexOf('；')) + 1);
  const rate = [...clause.matchAll(/(?:增长|下降|上升|降低)\s*([0-9]+(?:\.[0-9]+)?)\s*%/g)].pop();
  if (!rate || Number(rate[1]) < 10) return [];
  const start = block.start + m.index! + m[0].length - m[1]!.length;
  return [{
    start,
    end: start + m[1]!.length,
    message: {
      zh: `变动 ${rate[1]}% 不是“基本持平”。`,
      en: `A change of ${rate[1]}% is not 基本持平 (roughly flat).`,
    },
    expected: null,
    related: [],
    fix: null,
  }];
}

/** The words as they read, spaces of the layout collapsed. */
const report = (s: string) => s.replace(/\s+/g, ' ');

/** A change word in the clause before `，与上年持平`: they cannot both be true. */
function flatBesideChange(norm: string, block: Block): Found[] {
  const out: Found[] = [];
  const text = norm.slice(block.start, block.end);
  for (const m of text.matchAll(FLAT)) {
    if (m[1] === '基本持平') {
      out.push(...roughlyFlat(text, block, m));
      continue;
    }
    // The clause just before `，与上年持平`: the one item it speaks of.
    // (Looked for within 80 characters: a clause about one item is short.)
    const window = text.slice(Math.max(0, m.index - 80), m.index);
    const comma = window.search(/[,，]\s*$/);
    if (comma < 0) continue;
    const from = Math.max(...['。', ';', '；', ',', '，', ':', '：'].map((p) => window.lastIndexOf(p, comma - 1))) + 1;
    const clause = window.slice(from, comma);
    const change = [...clause.matchAll(CHANGE_IN_CLAUSE)].pop();
    // 减少 0.00 万元，与上年持平 is odd but true; 减少为 0.00 (to nothing) is not.
    if (!change || (!change[2] && !/^降至|^增至/.test(change[1]!) && /^[0.,]+$/.test(change[3]!))) continue;
    // 减少为 0.00 / 降至 …: the word says it moved, 持平 that it did not; the word is the odd one.
    const start = block.start + Math.max(0, m.index - 80) + from + change.index;
    out.push({
      start,
      end: start + change[1]!.length,
      message: {
        zh: `同一事项既说“${change[1]}”，又说“${report(m[0])}”，二者矛盾。`,
        en: `The same item is said both to ${change[1]} and to be ${m[1]} compared with the earlier year (${report(m[0])}): they contradict.`,
      },
      expected: null,
      related: [{ start: block.start + m.index, end: block.start + m.index + m[0].length, message: { zh: '与上年比较', en: 'compared with last year' } }],
      fix: null,
    });
  }
  return out;
}
