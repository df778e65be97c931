// The domain's word patterns, in one place: what claims, links and sums read in the words
// around a figure. Patterns read on a figure's lead are anchored at its end (`$`) so that a
// long lead is scanned once.

/** Words of a change and their direction; text from a PDF may break a line inside the word (`增\n加`). */
export const CHANGE_WORD = /(增\s{0,4}加|减\s{0,4}少|增\s{0,4}长|下\s{0,4}降|降\s{0,4}低|上\s{0,4}升)\s*了?\s*$/;
export const UP = /增加|增长|上升|提高/;
export const DOWN = /减少|下降|降低|减/;
/** What introduces the base of a change: 比上年, 较上年, 与 2023 年度相比, 同比. */
export const COMPARED = /比|较|与[^，,。]{0,16}相比|同比/;
/** A change word right before a figure, optionally `约`: the figure is a delta, not an amount of any row. */
export const DELTA_LEAD = /(增加|减少|增长|下降|降低|上升)\s*了?\s*(约|大约|近)?\s*$/;
/** An approximate figure (`约 17 万元`) restates no cell. */
export const APPROXIMATE_LEAD = /(约|大约|近|超过|逾)\s*$/;

/** A completion rate's lead: `完成年初预算的`, `执行率为`. */
export const COMPLETION = /(?:完成|执行)[^，,。；;]{0,12}?预算[^，,。；;]{0,4}的\s*$|(?:执行率|完成率|完成)\s*(?:为|是|达)?\s*$/;
/** The lead of a budget figure, and of an actual one. */
export const BUDGET_LEAD = /预算(?:数|金额)?\s*(?:为|是)?\s*$/;
export const ACTUAL_LEAD = /(?:决算(?:数)?|支出|实际支出|执行数)\s*(?:为|是)?\s*$/;

/** Shares: `占 41.92%`, `占本年支出合计的 100.00%`. */
export const SHARE_BARE = /占\s*(?:比)?\s*(?:为)?\s*$/;
export const SHARE_NAMED = /占([^，,。；;占]{2,30}?)的\s*(?:比重|比例)?\s*(?:为)?\s*$/;

/** `其中` opens a list of parts; so does `…支出 A 万元，主要用于以下方面：B 万元，占 x%`. */
export const SPENT_ON = /其\s*中|主要用于/;

export type Role = 'budget' | 'actual';

/**
 * Role words at the end of a subject, longest first: `全年预算为` says the figure is the budget,
 * `支出决算为` that it is the actual. Read on a subject key (no spaces).
 */
// `一般公共预算`, `政府性基金预算` name a kind of money, not a role. `支出决算`: 支出 stays with
// the subject (`基本支出决算`), and alone it says nothing (the subject before it goes on).
const ROLE_TAIL: [RegExp, Role][] = [
  [/(?<!一般公共|政府性基金|国有资本经营)(?:年初|全年|调整后?的?)?预算(?:数|金额|安排)?$/, 'budget'],
  // `支出决 0.00 元`: 决算 with its 算 dropped.
  [/决算(?:数|支出)?$|(?<=支出)决$|(?:全年)?执行数$|实际支出$/, 'actual'],
];

/** Linking words between a subject and its figure: `为`, `是`, `均为`, `共计`; `减少为` (the new amount, not the change). */
const LINK_TAIL = /(?:(?:增加|减少|增长|下降|降低|上升|提高)(?:为|到|至)|均为|各为|合计为|共计为?|总计为|分别为|为|是|达到?|共)$/;

/** The year a clause is about (`2024 年度`), and whether it speaks of the year before. */
const YEAR = /(\d{4})\s{0,2}年\s{0,2}度?/g;
// `上年结转` is money carried into this year: a figure of this year.
const PRIOR_WORDS = /上年(?!结转|结余)|上一年|去年/;

export interface SubjectWords {
  /** What the figure is of, role and linking words removed: `一般公共预算财政拨款支出`. */
  words: string;
  /** What the role words said, when they said anything. */
  role: Role | null;
  /** The clause names an earlier year than the report's, or says 上年: a base, not a cell. */
  prior: boolean;
}

/**
 * The subject of a figure from the clause before it (a subject key: spaces, quotes and
 * enumeration already removed): the year goes, the department that reports (`本部门`, or its
 * name: `上海市…委员会收入预算`), then linking verbs and role words at the end.
 */
export function subjectWords(clause: string, reportYear: number | null, department: string | null = null): SubjectWords {
  let s = clause.replace(/[、，,]/g, '');
  let prior = PRIOR_WORDS.test(s);
  let lastYearEnd = -1;
  for (const m of s.matchAll(YEAR)) {
    if (reportYear !== null && Number(m[1]) < reportYear) prior = true;
    lastYearEnd = m.index + m[0].length;
  }
  if (lastYearEnd >= 0) s = s.slice(lastYearEnd);
  s = s.replace(/^\d{1,2}月(?:\d{1,2}日)?/, '').replace(/^(?:本年度?|当年|本部门|本单位)/, '');
  if (department && s.startsWith(department)) s = s.slice(department.length).replace(/^\((?:部门|单位|本级)\)/, '');
  let role: Role | null = null;
  for (let i = 0; i < 4; i++) {
    const before = s;
    s = s.replace(LINK_TAIL, '');
    if (role === null) {
      for (const [re, r] of ROLE_TAIL) {
        if (re.test(s)) {
          s = s.replace(re, '');
          role = r;
          break;
        }
      }
    }
    if (s === before) break;
  }
  return { words: s, role, prior };
}

/** Whether a clause speaks of a year before the report's (`2023 年度…`, `上年…`). */
export function aboutPriorYear(clause: string, year: number | null): boolean {
  if (PRIOR_WORDS.test(clause)) return true;
  if (year === null) return false;
  for (const m of clause.matchAll(YEAR)) if (Number(m[1]) < year) return true;
  return false;
}
