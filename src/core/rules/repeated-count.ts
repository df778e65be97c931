import type { Figure } from '../figures';
import { prose } from '../report-facts';
import type { Found, Rule } from './rule';

/** Where a clause about one thing ends. */
const BOUNDARY = /[,，。；;:：、()（）!?！？]|其中/g;
/** Words that say when: two counts of different times are not one thing counted twice. */
const WHEN = /(?:19|20)[0-9]{2}\s*年\s*(?:度|末|初|底)?|上年|本年|去年|今年|年初|年末|年底|同期|目前|截至/g;
/** Words that carry no subject: 共 92 种 is 92 种. */
const FILLER = /共计|合计|累计|总计|共|达到|达|为|有|计|约|了|的|\s/g;

interface Counted {
  figure: Figure;
  /** The thing counted: the clause's words around the figure, time and filler words out. */
  subject: string;
  when: string;
  /** The figure is one part of a 其中 list whose parts add up to its total: corroborated. */
  corroborated: boolean;
}

/**
 * One thing counted twice in a paragraph with two values (`92种谈判药品转常规` … `谈判药转常规
 * 89种`): they cannot both be true. The thing is the clause's words around the count (`谈判药品
 * 转常规`; a word left out, as 药 for 药品, is still the same thing); counts of different times
 * (2023 年末 … 人, 2024 年 … 人) are not. The one a 其中 list corroborates (91 种，其中 89 种 + 2 种)
 * is taken as right; otherwise the later one is reported. No fix: which is wrong is the author's
 * to say.
 */
export const repeatedCount: Rule = {
  id: 'repeated-count',
  severity: 'warning',
  tags: ['consistency'],
  description: { zh: '同一段中同一事项的数量（种、个、人、辆…）前后不一致', en: 'The same thing counted twice in a paragraph (种, 个, 人, 辆 …) with different values' },
  check: ({ report }) => {
    const out: Found[] = [];
    const counts = report.figures.filter((f) => f.kind === 'count');
    let next = 0;
    const countsIn = (start: number, end: number) => {
      while (next < counts.length && counts[next]!.start < start) next++;
      const inside: Figure[] = [];
      for (let k = next; k < counts.length && counts[k]!.end <= end; k++) inside.push(counts[k]!);
      return inside;
    };
    for (const block of prose(report)) {
      if (block.kind !== 'paragraph') continue;
      const figures = countsIn(block.start, block.end);
      if (figures.length < 2) continue;
      const counted = figures.map((f) => read(report.norm, block.start, block.end, f, figures)).filter((c): c is Counted => c !== null);
      const reported = new Set<Figure>();
      // Each count against the 40 before it: a paragraph's two mentions of one thing are near.
      for (let j = 1; j < counted.length; j++) {
        for (let i = Math.max(0, j - 40); i < j; i++) {
          const [a, b] = [counted[i]!, counted[j]!];
          if (a.figure.unit !== b.figure.unit || a.when !== b.when || a.figure.value.eq(b.figure.value) || !sameThing(a.subject, b.subject)) continue;
          const [right, wrong] = a.corroborated && !b.corroborated ? [a, b] : b.corroborated && !a.corroborated ? [b, a] : [a, b];
          if (reported.has(wrong.figure)) continue;
          reported.add(wrong.figure);
          const unit = wrong.figure.unit ?? '';
          out.push({
            start: wrong.figure.start,
            end: wrong.figure.end,
            message: {
              zh: `同一事项（${wrong.subject}）此处为 ${wrong.figure.text} ${unit}，同段另一处为 ${right.figure.text} ${unit}，二者不能同时成立${right.corroborated ? `；后者与“其中”各项之和相符` : ''}。`,
              en: `The same thing (${wrong.subject}) is ${wrong.figure.text} ${unit} here and ${right.figure.text} ${unit} elsewhere in the paragraph: both cannot be true${right.corroborated ? '; the other agrees with the parts listed after 其中' : ''}.`,
            },
            expected: null,
            related: [{ start: right.figure.start, end: right.figure.end, message: { zh: '同一事项的另一数量', en: 'the other count of it' } }],
            fix: null,
          });
        }
      }
    }
    return out.sort((x, y) => x.start - y.start);
  },
};

/** The clause around a count and what it counts. */
function read(norm: string, from: number, to: number, f: Figure, all: Figure[]): Counted | null {
  const before = norm.slice(Math.max(from, f.start - 30), f.start);
  const after = norm.slice(f.unitEnd, Math.min(to, f.unitEnd + 30));
  if (/第\s*$/.test(before) || /^\s*百分点/.test(after)) return null;
  const lead = before.slice(lastBoundary(before));
  const tail = after.slice(0, firstBoundary(after));
  const words = lead + tail;
  // When: every time word of the sentence so far (截至2025年… 共有 is not 2026年… 购置).
  const sentence = norm.slice(sentenceStart(norm, from, f.start), f.start) + tail;
  const when = [...new Set([...sentence.matchAll(WHEN)].map((m) => m[0].replace(/\s/g, '')))].sort().join(' ');
  const subject = words.replace(WHEN, '').replace(FILLER, '').replace(/[0-9.]+/g, '');
  if (subject.length < 4) return null;
  return { figure: f, subject, when, corroborated: corroborated(norm, from, f, all) };
}

function lastBoundary(s: string): number {
  let at = 0;
  for (const m of s.matchAll(BOUNDARY)) at = m.index + m[0].length;
  return at;
}

function firstBoundary(s: string): number {
  const m = /[,，。；;:：、()（）!?！？]|其中/.exec(s);
  return m ? m.index : s.length;
}

/** Sentences are looked at within this many characters of a count. */
const SENTENCE = 300;

/** Where the sentence of `at` starts: after its 。, within SENTENCE characters, not before `from`. */
function sentenceStart(norm: string, from: number, at: number): number {
  const lo = Math.max(from, at - SENTENCE);
  return lo + norm.slice(lo, at).lastIndexOf('。') + 1;
}

/** `a` and `b` name one thing: equal, or one is the other with a character or two left out. */
function sameThing(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (long.length - short.length > 2 || short.length < 5) return false;
  let j = 0;
  for (const ch of long) if (ch === short[j]) j++;
  return j === short.length;
}

/** `91种，其中：A 89种，B 2种`: the parts after 其中, of the same unit, add up to the total before it. */
function corroborated(norm: string, from: number, f: Figure, all: Figure[]): boolean {
  const start = sentenceStart(norm, from, f.start);
  const at = norm.slice(start, f.start).lastIndexOf('其中');
  if (at < 0) return false;
  const split = start + at;
  const stop = norm.slice(f.end, f.end + SENTENCE).indexOf('。');
  const end = stop < 0 ? f.end + SENTENCE : f.end + stop;
  const same = all.filter((g) => g.unit === f.unit && g.start >= start && g.end <= end);
  const total = same.filter((g) => g.end <= split).pop();
  const parts = same.filter((g) => g.start > split);
  if (!total || parts.length < 2) return false;
  return parts.reduce((s, g) => s.plus(g.value), total.value.minus(total.value)).eq(total.value);
}
