// Regex backtracking: for the regular expressions in src/core, adversarial texts built to make
// them backtrack (long runs of what a quantifier eats, followed by what makes the match fail),
// checked at n, 2n and 4n characters (4n ≈ GOUJI_REGEX_KB, default 200 KB). Timings are printed,
// never asserted (the project's rule); a super-linear one shows as ~4× then ~16× (or worse).
// The last test keeps the table honest: every file of src/core with a regex literal has a case.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import ts from 'typescript';
import { check } from '../../src/core/check';

const KB = Number(process.env.GOUJI_REGEX_KB ?? 200);
/** Characters at the largest size. */
const MAX = KB * 1024;

const SP = '\u2003'; // an em space: \s to the regexes, but not the ' ' the aligned-table reader splits on
const rep = (s: string, chars: number) => s.repeat(Math.max(1, Math.ceil(chars / s.length)));

interface Case {
  /** The regexes it stresses, as `file: source`. */
  regexes: string[];
  /** A text of about `n` characters. */
  make: (n: number) => string;
  /** Where the engine was super-linear before it was fixed: the measurements then. */
  wasSuperLinear?: string;
}

const COVER = '上海市普陀区某某局\n2024 年度部门决算\n目录\n第一部分 上海市普陀区某某局概况\n二、部门决算单位构成\n第二部分 2024 年度部门决算表\n\n';

/** Cases by file of src/core (relative path). */
const CASES: Record<string, Case[]> = {
  'claims.ts': [
    // Unanchored `…\s*(?:x)?\s*$` on the text before a figure: many keywords, then whitespace that does not reach the end.
    { regexes: ['BUDGET', 'ACTUAL', 'COMPLETION'], make: (n) => `本年${rep(`预算${SP}${SP}决算${SP}完成${SP}执行率${SP}x`, n)} 100万元，决算100万元。\n` },
    { regexes: ['CHANGE_WORD', 'UP', 'DOWN', 'COMPARED'], make: (n) => `支出100万元，比上年${rep(`增加${SP}了${SP}减少${SP}较${SP}与`, n)}x 10万元，增长11.1%。\n` },
    { regexes: ['DIRECTION'], make: (n) => `${rep(`决算数${SP}${SP}与${SP}预算${SP}`, n)}大于预算数。本年支出100万元。\n` },
    // A comparison sentence looks back past sentences without amounts; a rate opening a paragraph takes the pair closing the one before.
    { regexes: ['previousSentenceTotal', 'carried pair'], make: (n) => `预算为 10 万元，决算为 10 万元。\n\n${rep('完成预算的 90%。决算数同预算数不一致。较上年增加 1 万元，增长 5%。', n / 8)}\n` },
    // An item's change takes the item's amount stated before: looked up by the item, latest first.
    { regexes: ['statedBefore'], make: (n) => `${rep('公务接待费支出决算为 1 万元；公务接待费支出决算比上年减少 0.1 万元，下降 9.09%；', n / 16)}\n` },
    { regexes: ['oneOddShare'], make: (n) => `其中：${rep('基本支出 1.00 万元，占 1.00%；', n / 8)}\n` },
    { regexes: ['/其\\s*中/', '/^\\s*(与|比|较|同比)/', '/基数为\\s*0/'], make: (n) => `本年支出合计100万元，其${rep(SP, n)}中：基本支出60万元，项目支出40万元。与${rep(SP, n / 4)}x 基数为${rep(SP, n / 4)}1 增加10万元。\n` },
    { regexes: ['claims.ts:58-60 labelKey'], make: (n) => `${rep('（一二三四五六七八九十', n)}、本年支出100万元，占50%。\n` },
  ],
  'claims.ts (one long whitespace run)': [
    // SHARE_BARE /占\s*(?:比)?\s*(?:为)?\s*$/: three \s* in a row, unanchored: cubic in the whitespace after 占.
    { regexes: ['SHARE_BARE'], make: (n) => `本年支出合计100万元，占${rep(SP, n)}x 12.5%。\n`, wasSuperLinear: 'cubic: the regex alone on 占 + 250/500/1000 spaces + x takes 59/132/1204 ms; check() did not finish 2,000-8,000 spaces in 90 s' },
    // SHARE_NAMED /占(…{2,30}?)的\s*(?:比重|比例)?\s*(?:为)?\s*$/: same after 的.
    { regexes: ['SHARE_NAMED'], make: (n) => `本年支出合计100万元，占总支出的${rep(SP, n)}x 12.5%。\n`, wasSuperLinear: 'cubic: the regex alone on 占总支出的 + 250/500/1000 spaces + x takes 48/133/1058 ms' },
    // BUDGET, ACTUAL, COMPLETION, CHANGE_WORD: `\s*(?:…)?\s*$`, two \s* in a row: quadratic.
    { regexes: ['BUDGET', 'ACTUAL', 'COMPLETION', 'CHANGE_WORD'], make: (n) => `预算${rep(SP, n / 4)}x 100万元，完成${rep(SP, n / 4)}x 90%，决算${rep(SP, n / 4)}x 90万元，增加${rep(SP, n / 4)}x 10万元。\n`, wasSuperLinear: 'quadratic: BUDGET alone on 预算 + 1,000/2,000/4,000 spaces + x takes 3/12/44 ms (COMPLETION 3/11/46, CHANGE_WORD 2/7/51)' },
  ],
  'links/sections.ts': [
    // HEADING_LIKE /^\s*(?:#+\s*)?(?:\*\*)?\s*(?:…)/: \s* twice around optional groups: quadratic after `#`.
    { regexes: ['HEADING_LIKE'], make: (n) => `#${rep(SP, n)}x 说明\n\n本年支出100万元。\n`, wasSuperLinear: 'quadratic: check() 8/16/32 KB: 428/3,261/15,228 ms (profile: 94% in HEADING_LIKE); the regex alone on # + 4,000/8,000/16,000 U+2003 + x: 173/487/1,997 ms' },
    { regexes: ['/^[#*\\s-]+/', '/。.*$/'], make: (n) => `# ${rep('。', n)}说明\n\n本年支出100万元。\n` },
    { regexes: ['TITLE_NOISE', '/^.*\\d{4}年度?/', '/(合计为|共计|为|是|共|达)$/'], make: (n) => `一、${rep('2024年情况说明（一）1.', n)}\n\n本年支出合计100万元。\n` },
    { regexes: ['sections.ts:87 list item', 'sections.ts:96-99 depth'], make: (n) => `1.${rep('款项目', n)}：100万元。\n（一）${rep('一', n / 4)}\n` },
  ],
  'links/link.ts': [
    { regexes: ['PATH'], make: (n) => `${rep('一般公共服务支出（类', n)}）支出100万元。\n` },
    // link.ts:217 /(增加|…)\s*了?\s*(约|大约|近)?\s*$|…/: three \s* in a row: cubic.
    { regexes: ['link.ts:217 lead words (one long run)'], make: (n) => `| 项目 | 金额 |\n|---|---|\n| 合计 | 10.00 |\n\n合计增加${rep(SP, n)}x 10万元。\n`, wasSuperLinear: 'cubic: the regex alone on 增加 + 250/500/1000 spaces + x takes 52/170/1153 ms' },
    { regexes: ['link.ts:217 lead words', 'link.ts:222 budget', 'link.ts:223 actual'], make: (n) => `${rep(`增加${SP}了${SP}约${SP}预算数${SP}为${SP}决算${SP}是${SP}`, n)}x 100万元，为${rep(SP, 8)}实际支出。\n` },
  ],
  'links/cells.ts': [
    // Row keys (SYNONYMS) and column roles are tested on labels and header names of bounded length.
    { regexes: ['SYNONYMS', '/预算/', '/决算|小计|合计/'], make: (n) => `| 项目 | ${rep('预算决算', n / 8)} |\n|---|---|\n| ${rep('公务用车购置及运行费', n / 2)} | 10.00 |\n\n${rep('因公出国(境)费用', n / 8)}预算 10 万元。\n` },
  ],
  'names.ts': [
    // GROUP_WORDS is anchored at both ends: a long header name is one comparison.
    { regexes: ['GROUP_WORDS'], make: (n) => `| 项目 | ${rep('小计', n / 2)} |\n|---|---|\n| 合计 | 10.00 |\n\n合计 12 万元。\n` },
  ],
  'links/lexicon.ts': [
    // Subject words are read on the clause before a figure (at most 80 characters): role and
    // linking words at its end, years anywhere in it.
    { regexes: ['ROLE_TAIL', 'LINK_TAIL', 'YEAR', 'PRIOR_WORDS'], make: (n) => `${rep(`2024年度${SP}年初预算${SP}决算数为${SP}上年`, n)}x 100万元，${rep('支出决算为', n / 4)} 90万元。\n` },
    { regexes: ['DELTA_LEAD', 'APPROXIMATE_LEAD', 'SPENT_ON'], make: (n) => `本年支出合计100万元，比上年增加${rep(SP, n)}x 约${rep(SP, n / 4)}x 10万元。\n` },
  ],
  'links/concepts.ts': [
    // Concept phrases are anchored at the end of a subject of bounded length.
    { regexes: ['OTHER_MONEY', 'FUND_SECTION', 'concept phrases'], make: (n) => `## 七、政府性基金预算财政拨款收入支出决算情况说明\n\n${rep('三公经费一般公共预算财政拨款收入支出总计', n)}为 100 万元，本年收入合计 100 万元。\n` },
  ],
  'directives.ts': [
    // DIRECTIVE's lazy body is bounded ({0,400}?): an opening without `-->`, many times; RULE_ID and the rule-list split on long names.
    { regexes: ['DIRECTIVE', 'RULE_ID', '/[\\s,，]+/'], make: (n) => `${rep(`<!-- gouji-disable-line ${'a'.repeat(70)} ${SP}${SP}，`, n)}\n本年支出 1.2.3 万元。\n` },
    // Many directives and many findings: each finding is looked up among the silenced spans.
    { regexes: ['isSilenced'], make: (n) => rep('支出 1.2.3 万元。<!-- gouji-disable-line malformed-number -->\n<!-- gouji-disable parts-sum -->\n', n) },
  ],
  'markdown.ts': [
    { regexes: ['DELIMITER_ROW'], make: (n) => `| a |\n${rep('|---', n)}x\n\n本年支出100万元。\n` },
    { regexes: ['OPENS_BLOCK', 'ATX', 'LIST_ITEM'], make: (n) => `本年支出100万元。\n${rep('-', n / 2)}x\n${rep('_ ', n / 2)}x\n` },
    { regexes: ['BLANK', 'FENCE', 'HTML_OPEN'], make: (n) => `${rep('<!-- a\n\n', n / 2)}${rep(' \t', n / 2)}x\n本年支出100万元。\n` },
  ],
  'sums.ts': [
    { regexes: ['REST', 'count sums'], make: (n) => `共有车辆 9 辆，其中：${rep(`、${SP}其他用车 0 辆`, n / 8)}。\n` },
    { regexes: ['DELTA_CLAUSE', 'LIST_AFTER_STOP'], make: (n) => `运行费 42 万元，比上年增加 0 万元。其中：${rep(`购置费 0 万元，比${SP}${SP}上年增加 0 万元；`, n / 16)}。\n` },
    // COUNTED_TOTAL /(\d+)\s*(?:项|个)[^。]*?(?:共涉及资金|共计|合计|总计|共)[^。，,]{0,8}$/
    { regexes: ['COUNTED_TOTAL'], make: (n) => `${rep('1项', n)}共 100万元。\n` },
    { regexes: ['COUNTED_TOTAL (digit run)'], make: (n) => `${rep('9', n)}x共 100万元。\n` },
    { regexes: ['SPLITS', 'PART_WORD', 'CHANGE'], make: (n) => `本年支出合计100万元，其中：${rep('基本支出项目支出人员经费当年安排', n)}60万元，项目支出40万元。\n` },
  ],
  'text.ts': [
    { regexes: ['maskMarkup'], make: (n) => `| 项目 | 金额 |\n|---|---|\n| ${rep('<a' + 'b'.repeat(38), n)} | 1.00 |\n本年支出${rep('&#1234', n / 4)}100万元。\n` },
    { regexes: ['SPACE_IN_CJK', '/\\s+/g'], make: (n) => `| 项目 | 金额 |\n|---|---|\n| 科${rep(SP, n)}x | 1.00 |\n` },
    // A label that ends in a long run of marks: WORD_LAST fails at every position.
    { regexes: ['WORD_FIRST', 'WORD_LAST'], make: (n) => `| 项目 | 金额 |\n|---|---|\n| 科目${rep('、。', n / 2)} | 1.00 |\n` },
  ],
  'tables/text.ts': [
    { regexes: ['FOOTER'], make: (n) => `本年支出100万元，\n${rep(`- 12 -${SP}\n第 3 页，共 9 页 x\n`, n)}占50%。\n` },
    // Not a regex: sums.ts:50 splits norm.slice(prevEnd, figure.start) for every figure, and prevEnd does not move past
    // bare numbers (kind 'other'), so a paragraph of them is split again and again: quadratic.
    { regexes: ['SENTENCE', 'sums.ts:50 /[，,。；;:：]/ split'], make: (n) => `${rep(`1${SP}${SP}`, n)}x\n`, wasSuperLinear: 'quadratic in sums.ts:50 (split of a growing lead, not backtracking): check() 32/64 KB: 1,045/3,600 ms, of which the split 458/2,648 ms' },
    { regexes: ['SENTENCE (short)'], make: (n) => `${rep(`1${SP}${SP}元。`, n)}x\n`, wasSuperLinear: 'quadratic in readSums (sums.ts), not a regex: one paragraph of many amounts `1  元。`: check() 4/8/16/32 KB: 344/491/1,750/7,219 ms (profile: 4.6 s in sums.ts, 1.5 s in the sums.ts:50 split)' },
    { regexes: ['/\\S {2,}\\S/', '/ {2,}/g', '/ +/g'], make: (n) => `项目  金额\n科目${' '.repeat(n)}\t1.00\n` },
    { regexes: ['wrapped /^\\s+\\S{1,16}\\s*$/', 'TABLE_META'], make: (n) => `单位：万元\n项目          金额\n科目          1.00\n${' '.repeat(n)}续${SP.repeat(8)}x\n` },
  ],
  'tables/layout.ts': [
    // Tables from title to end: long bodies of rows and of label pieces, long header and title lines.
    { regexes: ['CODE_LINE', 'NOTE', 'EMPTY', 'ENUMERATED', 'LABEL_WORD', 'COMPLETE_LABEL', 'CODE', 'SUBCODE'], make: (n) => `收入决算表\n单位：万元\n项目 合计 基本支出\n${rep('208 05 社会保障 1.00 2.00\n费\n', n)}注：本表无数据。\n` },
    { regexes: ['titleOf', 'isProse', 'LEVEL_WORD', 'layout.ts words'], make: (n) => `${rep(`公开${SP}`, n / 2)}收入决算表\n单位：万元\n${rep(`科目${SP}`, n / 2)}表\n合计  1.00\n` },
    { regexes: ['layout.ts two parts', 'page numbers'], make: (n) => `收入支出决算总表\n单位：万元\n收入 支出\n${rep('一、收入 1.00 一、支出 2.00\n九、卫生支出 1.00\n18\n\f', n)}` },
    { regexes: ['layout.ts aligned'], make: (n) => `支出决算表\n单位：万元\n项目      合计      基本支出\n${rep('2080505   机关事业单位    1.00      2.00\n          费支出\n', n)}` },
  ],
  'tables/meta.ts': [
    { regexes: ['CODE', 'UNIT', 'TITLE'], make: (n) => `${rep(`公开${SP}单${SP}位${SP}:`, n)}\n收入支出决算总表\n| 项目 | 金额 |\n|---|---|\n| 合计 | 1.00 |\n` },
    { regexes: ['meta.ts:32 heading'], make: (n) => `${'#'.repeat(n)}**${rep('决算', 20)}表\n| 项目 | 金额 |\n|---|---|\n| 合计 | 1.00 |\n` },
  ],
  'tables/grid.ts': [
    { regexes: ['COMPLETE_LABEL', 'ENUMERATED', 'CODE'], make: (n) => `| 科目编码 | 项目 | 金额 |\n|---|---|---|\n| 208 | ${rep('一二三四五六七八九十', n)}、支出x | 1.00 |\n` },
    { regexes: ['grid.ts:212-214 code cell', 'digits', 'levels'], make: (n) => `| 科目编码 | 项目 | 金额 |\n|---|---|---|\n| 2080505${' '.repeat(n)}x | 科目 | 1.00 |\n| ${rep('1/.', n / 4)} | 科目 | 1.00 |\n` },
    { regexes: ['grid.ts:151-155 headers', '/^栏\\s*次$|^栏$/'], make: (n) => `| 行${rep(SP, n)}x | 代${rep(SP, n / 4)}x | 金额 |\n|---|---|---|\n| 1 | 科目 | 1.00 |\n` },
  ],
  'identities/match.ts': [
    // /^[^\p{L}\p{N}(]+|[^\p{L}\p{N})]+$/gu on a label with a run of punctuation inside.
    { regexes: ['match.ts:22 trim punctuation'], wasSuperLinear: 'quadratic: check() 8/16/32 KB: 5,803/21,184/36,618 ms; the regex alone on 科 + 4,000/8,000/16,000 × — + 目: 532/2,305/9,617 ms (same with U+3000)', make: (n) => `公开01表\n收入支出决算总表\n单位：万元\n| 项目 | 金额 |\n|---|---|\n| 科${rep('—', n)}目 | 1.00 |\n| 合计 | 2.00 |\n` },
    { regexes: ['QUOTES', 'ENUMERATION', '/^其中[:：]?/u', 'template patterns'], make: (n) => `公开01表\n收入支出决算总表\n单位：万元\n| 项目 | 金额 |\n|---|---|\n| ${rep('“一、(1)1.其中：', n)}收入 | 1.00 |\n| 合计 | 2.00 |\n` },
  ],
  'identities/codes.ts': [
    { regexes: ['/^(?:\\d\\d)*00/'], make: (n) => `公开05表\n一般公共预算财政拨款支出决算表\n单位：万元\n| 科目编码 | 项目 | 金额 |\n|---|---|---|\n${rep('| 2080500 | 科目 | 1.00 |\n', n)}` },
  ],
  'number.ts': [
    // /^\(\s*(.*?)\s*\)$/ on a cell that opens a parenthesis and has a long whitespace run but does not close it.
    { regexes: ['number.ts:133 paren'], wasSuperLinear: 'quadratic: check() 8/16/32 KB: 277/1,304/4,950 ms; the regex alone on (1 + 4,000/8,000/16,000 spaces + 2: 52/206/670 ms', make: (n) => `| 项目 | 金额 |\n|---|---|\n| 科目 | (1${rep(SP, n)}2 |\n| 合计 | 2.00 |\n` },
    { regexes: ['NUMBERISH', 'DASHES'], make: (n) => `| 项目 | 金额 |\n|---|---|\n| 科目 | ${rep('1,.( /', n)}x |\n| 小计 | ${rep('—', n / 4)}x |\n` },
    // formatNumber: /\B(?=(\d{3})+(?!\d))/g on the integer part of a fix (a wrong total of many digits).
    { regexes: ['number.ts:166 grouping', 'number.ts:169 full width', 'number.ts:85'], make: (n) => { const d = Math.min(n, 20_000); return `| 项目 | 金额 |\n|---|---|\n| 合计 | 1${'0'.repeat(d)}.00 |\n| 基本支出 | 1.00 |\n| 项目支出 | 2.00 |\n\n本年支出合计1${'0'.repeat(d)}.00万元，其中基本支出1.00万元，项目支出2.00万元。\n` + rep('x', n - 2 * d); } },
  ],
  'figures.ts': [
    { regexes: ['continues', 'figures.ts:79 grouped', 'figures.ts:97-98 before/after'], make: (n) => `${rep(`1,234.5${SP}${SP}`, n)}万元\n`, wasSuperLinear: 'quadratic in sums.ts (bare numbers, as SENTENCE above): check() 32/64 KB: 2,721/6,887 ms' },
    { regexes: ['continues (with units)', 'figures.ts:79 grouped (with units)'], make: (n) => rep(`1,234.5${SP}万元，1.064.05${SP}亿元\n\n`, n) }, // one paragraph each: readSums is quadratic in one (above)
    // MONEY_LEAD / AFTER_BARE_WAN: many bare 万 after money words and spaces, none before a bracket.
    { regexes: ['MONEY_LEAD', 'AFTER_BARE_WAN'], make: (n) => rep(`支出${SP.repeat(6)}费 1 万人 2 万（\n\n`, n) },
  ],
  'report.ts': [
    { regexes: ['report.ts:72-73 trim', 'report.ts:140 gap', 'report.ts:162 midSentence'], make: (n) => `本年支出100万元，${rep('款', n)}\n${' '.repeat(n / 4)}\n\n- 1 -\n\n占50%。\n` },
  ],
  'rules/table-identity.ts': [
    { regexes: ['table-identity.ts:69', 'table-identity.ts:226'], make: (n) => `公开01表\n收入支出决算总表\n单位：万元\n| 项目 | 金额 |\n|---|---|\n| ${rep('收入a', n)} | 1.00 |\n| 合计 | 2.00 |\n` },
  ],
  'rules/unit-mismatch.ts': [
    { regexes: ['unit-mismatch.ts:16'], make: (n) => `| 项目 | 金额 |\n|---|---|\n| 合计 | 100.00 |\n\n合计100${rep(SP, n)}元。\n` },
  ],
  'rules/direction-word.ts': [
    { regexes: ['direction-word.ts:20'], make: (n) => `支出年初预算为100万元，支出决算为90万元，决算数大于预算数，${rep('增上升提高', n)}。\n` },
  ],
  'report-facts.ts': [
    // TITLE_YEAR (and the period's first year named): \\s* around the optional 度 / 区级: long whitespace after 年, then no 部门.
    { regexes: ['TITLE_YEAR', 'readDepartment', 'period'], make: (n) => `${rep(`2024年${SP.repeat(40)}度${SP}区级${SP}x`, n)}部门决算\n` },
  ],
  'rules/report-year.ts': [
    // Many years that are not the report's, each with its own-period words, in one sentence without 。.
    { regexes: ['YEAR', 'OTHER_PERIOD_BEFORE', 'OWN_PERIOD_AFTER', 'TITLE_AFTER', 'sentenceNames', 'inBookTitle'], make: (n) => `${COVER}${rep(`2023年度收入${SP}${SP}，与2022年度部门决算，截至2021年${SP}12月31日，`, n)}\n` },
  ],
  'rules/placeholder.ts': [
    { regexes: ['RESIDUES (X runs, years, alternatives, blanks, guidance)'], make: (n) => `${rep(`XXXXXXXXA 202${SP}${SP}年 增加${SP}(${SP}减 （请${'说'.repeat(30)} （${'况'.repeat(30)}情况，以${'x'.repeat(20)}） ＿`, n)}\n` },
  ],
  'rules/department-name.ts': [
    { regexes: ['NAMED_TITLE', 'SECTION_END', 'unitList'], make: (n) => `${COVER}${rep(`上海市某某${SP}${SP}  区局${SP}2024 年${SP}${SP}度${SP}部${SP}x 概${SP}x 单位构成\n`, n)}\n` },
  ],
  'rules/percent-sign.ts': [
    { regexes: ['RATE_BEFORE', 'CLAUSE_END'], make: (n) => `${rep(`占${'的'.repeat(20)}执行${SP}率${SP} 12.5${SP}${SP}x `, n)}\n` },
  ],
  'rules/trend-word.ts': [
    { regexes: ['CONCLUSION', 'FLAT', 'CHANGE_IN_CLAUSE'], make: (n) => `收支总计增加 10 万元，增长 5%。${rep(`导致${'收支'.repeat(10)}${SP}减少 与${SP}上年${SP}x 增加为${SP}1 与上年持平`, n)}\n` },
  ],
  'rules/changes-sum.ts': [
    // Each change (比…增加 A) looks for a 其中 list in the next 300 characters and splits it at ；.
    { regexes: ['COMPARED', 'ITEM_CHANGE', 'FLAT', 'head', '/[；;]/'], make: (n) => `${rep(`比2024年${SP}增加 1 万元，其中：公务接待费增加 1 万元；因公出国与上年持平；`, n)}x\n` },
    { regexes: ['BARE_CHANGE', 'ITEM'], make: (n) => `${rep(`经费 1 万元，比2025年预算持平。其中：（一）因公出国费1万元，比2025年预算增加0万元。（二）`, n)}x\n` },
  ],
  'links/document-counts.ts': [
    // Each count of 个/项 reads the 400 characters before it for a list of names it closes.
    { regexes: ['SELF_EVALUATED', 'REFLECTED', 'PROJECT_KIND', 'LISTED', 'LIST_LEAD', 'LEVEL', 'listedNames'], make: (n) => `${rep(`组织对${SP}“A${SP}项目”、B项目${SP}、等${SP}6个项目${SP}开展了${SP}自评，4个一级指标；`, n)}\n` },
    // Every paragraph's opening (200 characters) for a part on a kind of project and its projects; every table row for a 汇总表's grade.
    { regexes: ['KIND_PART', 'PART_OPEN', 'NUMBERED_PROJECT', 'GRADED', 'GRADE', 'hanOnly', 'readKindParts'], make: (n) => `（二）市级${SP}预算项目绩效自评结果。\n\n${rep(`1.${SP}某某${SP}(上年${SP}项目项目${SP}绩效${SP}自评x\n\n（三${SP}\n\n`, n / 2)}${rep(`其中，市级预算项目${SP}2 个，2个项目自评${SP}等级为${SP}优；`, n / 2)}\n` },
    // The indicator table after a count of 一级指标, and a 汇总表: every row of every table block, once.
    { regexes: ['blockRows', 'cellKey', 'readSummaryRows'], make: (n) => `2个项目自评等级为优。\n\n| 项目名称 | 自评等级 |\n|---|---|\n${rep(`| 某${SP}项目 | 优${SP} |\n`, n)}` },
    { regexes: ['readIndicatorTables'], make: (n) => `4个一级指标。\n\n| 一级指标 | 二级指标 | 三级指标 |\n|---|---|---|\n${rep('| 产出 | 数量 | 某指标 |\n', n)}` },
  ],
  'links/restated.ts': [
    // Every count of 辆 reads the sentence before it (back to its 。, at most 300 characters) for 截至…日.
    { regexes: ['HOLDINGS', 'FLEET', 'AS_OF', 'sentenceBefore'], make: (n) => `${rep(`截至${SP}2024${SP}年${SP}12${SP}月${SP}保有量为${SP}共有车辆 2 辆、`, n)}x\n` },
    { regexes: ['BOUNDARY', 'WHEN', 'FILLER', 'NEGATION', 'sameThing', 'sameHead', 'corroborated'], make: (n) => `${rep(`其中谈判药品不转常规${SP}2024年${SP}共计${SP}3种，`, n)}\n` },
    // Each unlinked amount of funds against every earlier 年初预算 of equal value: the longest name run of the two paragraphs.
    { regexes: ['BUDGET_LEAD', 'FUNDS_LEAD', 'SPENT', 'hanOnly', 'commonRun'], make: (n) => `${rep(`(项)年初预算为${SP}${SP}1,470,000.00 元，主要原因是补助资金增加。`, n / 2)}\n\n${rep(`补助资金${SP}共计${SP}147 万元，文件下达${SP}147 万元；`, n / 2)}\n` },
  ],
  'rules/parts-sum.ts': [
    // digitsOf on a split whose figures are long runs of digits (and the transposition test on them).
    { regexes: ['parts-sum.ts digitsOf'], make: (n) => `全年预算数为 ${'9'.repeat(n / 2)} 万元，其中：当年安排 ${'8'.repeat(n / 2)} 万元，上年结转 1 万元。\n` },
  ],
  'tables/performance.ts': [
    // PIECE on long cells of digits, dots and spaces (OCR cuts), and many cuts in one row; labels keyed with markup.
    { regexes: ['PIECE', 'key', 'readings'], make: (n) => `## 项目支出绩效自评表\n\n| 项目名称 | 某项目${rep('<b>x</b>', n / 8)} |\n|---|---|\n| | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n| 年度资金总额 | ${rep(`1${SP}${SP}.${SP}${SP}.`, n / 4)} | ${rep('12 | . 3 | ', n / 4)} | 1.${SP.repeat(3)}% |\n| 总分 | 100 | 95. 00 |\n` },
  ],
  'links/performance.ts': [
    // The words before a figure of a project's paragraph (phrases anchored at their end) and the heading's name.
    { regexes: ['nameKey', 'subject', 'phrases', '/(达到|为|是|达|共计|共)$/', '/^\\s*分/'], make: (n) => `## 项目支出绩效自评表\n\n| 项目名称 | 某某项目 |\n|---|---|\n| 总分 | 100 | 95.00 |\n\n#### 1. 某某${rep('项目', n / 8)}绩效自评情况\n\n${rep(`满意度达到${SP}为`, n)}95 分，${rep('自评得分', n / 4)}95${SP.repeat(3)}分。\n` },
  ],
  'tables/performance.ts (line forms)': [
    // A form printed a cell a line (PDF text): many short lines after its title, long label runs, values with units.
    { regexes: ['title lines', 'lineCells', 'INDICATOR_VALUE'], make: (n) => `财政项目支出绩效目标申报表\n项目名称\n某工程\n项目资金\n(元)\n年度资金申请总额\n${rep('1,000.00 其他资金\n', n / 4)}年度指标值\n${rep(`道路长度\n=${'9'.repeat(30)}${SP}${SP}(%)x\n`, n / 4)}\n绩效目标表\n` },
  ],
  'links/performance.ts (project names)': [
    // Project names spelled before each 项目 of a long paragraph with many unlinked amounts; units after indicator values.
    { regexes: ['projectMentions', 'shortForm', 'unitAfter'], make: (n) => `## 项目支出绩效自评表\n\n| 项目名称 | 某某业务工作经费项目 |\n|---|---|\n| | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n| 年度资金总额 | 10 | 10 | 10 | 10 | 100% | 10 |\n\n${rep('业务经费项目年初预算 9 万元，某某项目工作 5 米，', n / 2)}\n` },
  ],
  'identities/index.ts': [
    // A sum identity's total label (`^人员经费合计$`) read as a literal; a long garbled total row after many parts.
    { regexes: ['restoreTotalLabels'], make: (n) => `${COVER}一般公共预算财政拨款基本支出决算明细表\n公开06表\n\n| 科目编码 | 科目名称 | 决算数 |\n|---|---|---|\n${rep('| 30101 | 基本工资 | 1.00 |\n', n / 2)}| 人员组${'圣'.repeat(40)}费合计 | | 9.00 |\n` },
  ],
  'rules/malformed-number.ts': [
    // CUT on the malformed tokens of a 绩效 table: long digit runs before a dot or a break.
    { regexes: ['CUT'], make: (n) => `## 项目支出绩效自评表\n\n| 项目名称 | 某项目 |\n|---|---|\n| | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n| 年度资金总额 | ${'1'.repeat(n / 2)}. | ${'2'.repeat(n / 4)}<br>3.4.5 |\n` },
  ],
  'rules/zero-base-rate.ts': [
    { regexes: ['ZERO_BASE', 'GROWTH_BEFORE'], make: (n) => `${rep(`上年${SP}为${SP}0.00${SP}x 新成立 增长${SP}${SP}5%，`, n)}\n` },
  ],
};


function time(text: string): number {
  const t0 = performance.now();
  check(text);
  return performance.now() - t0;
}

describe('regex backtracking (timings printed, not asserted)', function () {
  this.timeout(300_000);

  for (const [file, cases] of Object.entries(CASES)) {
    for (const c of cases) {
      it(`${file}: ${c.regexes.join(', ')}`, () => {
        const out: string[] = [];
        for (const size of [MAX / 4, MAX / 2, MAX]) {
          const text = c.make(size);
          out.push(`${(text.length / 1024).toFixed(0)} KB ${time(text).toFixed(0)} ms`);
        }
        console.log(`      ${out.join(' · ')}`);
      });
    }
  }

  it('every file of src/core with a regex literal has a case above', () => {
    const root = join(__dirname, '..', '..', 'src', 'core');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(dir, e.name));
        else if (e.name.endsWith('.ts')) files.push(join(dir, e.name));
      }
    };
    walk(root);
    // Only reachable through template loading (or the docs generator), not check(text); linear by construction (anchored, one class).
    const notFromText = new Set(['identities/load.ts', 'identities/schema.ts', 'rules/artefacts.ts']);
    const covered = new Set(Object.keys(CASES).map((k) => k.split(' ')[0]));
    const missing: string[] = [];
    let count = 0;
    for (const file of files) {
      const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      let has = 0;
      const visit = (node: ts.Node) => {
        if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) has++;
        ts.forEachChild(node, visit);
      };
      visit(src);
      count += has;
      const rel = relative(root, file).replace(/\\/g, '/');
      if (has && !covered.has(rel) && !notFromText.has(rel)) missing.push(`${rel} (${has})`);
    }
    console.log(`      ${count} regex literals in ${files.length} files`);
    assert.deepEqual(missing, [], 'files with regex literals and no backtracking case');
  });
});
