// The template format: which tables a report of a kind has, how to find their rows and
// columns, and the identities (勾稽关系) between them. Templates are data (JSON files a
// finance bureau can extend); this schema validates them and generates template.schema.json.
import * as z from 'zod';

// Templates are few and small: zod's compiled fast path buys nothing, and probing whether it
// may compile reads `navigator`, which VS Code's extension host reports as an error.
z.config({ jitless: true });

const compiles = (source: string) => {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
};

const pattern = z
  .string()
  .min(1)
  .refine(compiles, { message: 'not a valid regular expression (JavaScript syntax, u flag)' })
  .describe('A regular expression (JavaScript syntax). Labels are matched after whitespace, enumerations (一、 (一) 1.) and (类)/(款)/(项) are removed, so `^本年收入合计$` matches `八、本 年 收 入 合 计`.')
  .meta({ id: 'pattern' });

const message = z
  .object({ zh: z.string().min(1), en: z.string().min(1) })
  .strict()
  .describe('Text in 简体中文 and English.')
  .meta({ id: 'message' });

const key = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'letters, digits, `-`, `_` and `.` only')
  .describe('A name for use inside the template: letters, digits, `-`, `_`, `.`.')
  .meta({ id: 'name' });

export const rowSelector = z
  .union([
    pattern,
    z
      .object({
        label: pattern.optional().describe('A pattern the row label matches.'),
        code: pattern.optional().describe('A pattern the subject code matches, e.g. `^\\d{3}$` for 类 rows.'),
      })
      .strict(),
  ])
  .describe('A row: a label pattern, or `{ "label": …, "code": … }` (both must match when both are given).')
  .meta({ id: 'row' });

export const columnSelector = z
  .union([
    pattern,
    z.array(pattern).min(1),
    z
      .object({
        header: z.union([pattern, z.array(pattern).min(1)]).optional().describe('Patterns that must all match the column header (any header line, or the lines joined).'),
        not: pattern.optional().describe('Leave out columns whose header matches this, e.g. `年初预算`.'),
        lineNo: z.string().regex(/^\d{1,3}$/).optional().describe('The 栏次 number printed under the header, used when the header patterns find no column (OCR damage) or several.'),
      })
      .strict(),
  ])
  .describe('A column: header patterns that must all match one of its header lines or its lines joined (`["决算数", "^合计$"]`), optionally with its 栏次 number.')
  .meta({ id: 'column' });

export const ref = z
  .object({
    table: key.optional().describe('A table of `tables`; defaults to the identity’s `table`.'),
    row: rowSelector.optional().describe('The row (the first that matches, in document order).'),
    rows: rowSelector.optional().describe('Every row that matches, added up.'),
    column: columnSelector.optional().describe('The column; defaults to the column being iterated (`each.columns`), else the table’s first value column.'),
    optional: z.boolean().optional().describe('A missing row or column counts as zero instead of skipping the identity (an identity whose parts are all missing is still skipped).'),
    required: z.boolean().optional().describe('A missing row is a defect of the report.'),
    minus: z.boolean().optional().describe('Subtract this figure instead of adding it.'),
  })
  .strict()
  .refine((r) => !(r.row && r.rows), { message: 'give `row` or `rows`, not both' })
  .describe('A cell (or, with `rows`, a sum of cells): table, row and column.')
  .meta({ id: 'cell' });

const each = z
  .object({
    rows: z.union([z.literal('all'), rowSelector]).optional().describe('Check the identity on every row of the table (`"all"`) or on the rows that match; figures without their own `row` are read on that row.'),
    columns: z.union([z.literal('all'), z.array(columnSelector).min(1)]).optional().describe('Check the identity in every value column (`"all"`) or in each column listed; figures without their own `column` are read in it.'),
  })
  .strict()
  .describe('Repeat the identity over rows and/or columns.')
  .meta({ id: 'each' });

const common = {
  id: key.describe('A unique name; a template that `extends` this one replaces an identity of the same id.'),
  name: message.optional().describe('What the identity says, shown in findings, e.g. { "zh": "收入总计 = 本年收入合计 + 年初结转和结余", … }.'),
  severity: z.enum(['error', 'warning', 'information']).optional().describe('Severity of a broken identity (default: warning).'),
};

const sumIdentity = z
  .object({
    ...common,
    kind: z.literal('sum'),
    table: key.optional().describe('The table figures are read from unless they name their own.'),
    each: each.optional(),
    total: ref.describe('The total; a finding sits on it.'),
    parts: z.array(ref).min(1).describe('The parts that add up to the total.'),
  })
  .strict()
  .describe('total = part + part + … (within the rounding of the figures shown).');

const equalIdentity = z
  .object({
    ...common,
    kind: z.literal('equal'),
    table: key.optional(),
    each: each.optional(),
    left: ref.describe('The figure a finding sits on.'),
    right: ref,
  })
  .strict()
  .describe('left = right, e.g. the same figure in two tables.');

const hierarchyIdentity = z
  .object({
    ...common,
    kind: z.literal('hierarchy'),
    table: key.describe('A table with subject codes (`codes` set in its definition).'),
    total: rowSelector.optional().describe('The row that equals the sum of the top-level (类) rows, e.g. `^合计$`.'),
    columns: z.union([z.literal('all'), z.array(columnSelector).min(1)]).optional().describe('Columns to check (default: all value columns).'),
  })
  .strict()
  .describe('Each coded row equals the sum of the rows one level below it (208 = Σ 208xx, 20805 = Σ 20805xx), and `total` the sum of the top-level rows.');

const classesIdentity = z
  .object({
    ...common,
    kind: z.literal('classes'),
    codes: key.describe('A code scheme of `codes` whose `classes` are listed.'),
    left: ref.describe('A table whose class rows are named (e.g. 01表 支出: 八、社会保障和就业支出); a finding sits here.'),
    right: ref.describe('A table whose class rows are found by code (e.g. 03表: 208).'),
  })
  .strict()
  .describe('Class by class, the same figure in two tables: rows with subject codes are found by code, rows without by the class label.');

export const identity = z.discriminatedUnion('kind', [sumIdentity, equalIdentity, hierarchyIdentity, classesIdentity]);

const code = z.string().regex(/^\d{1,12}$/, 'digits only');

const subjectClass = z
  .object({
    code,
    label: pattern.optional().describe('A pattern the whole label matches (anchored), e.g. `粮油物资储备(支出)?`.'),
  })
  .strict();

const item = z.object({ code, label: z.string().optional() }).strict();

export const codeScheme = z
  .object({
    name: message.optional(),
    levels: z.array(z.number().int().min(1).max(12)).min(1).describe('Code lengths from the top level down: [3, 5, 7] for 功能分类 (类/款/项), [3, 5] for 经济分类.'),
    classes: z.array(subjectClass).optional().describe('The top-level codes that exist, with their labels; another top-level code is a misreading.'),
    items: z.array(item).optional().describe('Lower-level codes that exist; with `allItems` on a table, a parent is checked only when all of its items are there.'),
  })
  .strict();

export const tableDef = z
  .object({
    name: message.optional(),
    title: pattern.optional().describe('A pattern the table title matches (quotes and spaces removed).'),
    code: pattern.optional().describe('A pattern the table code matches (`公开01表`), used for tables whose title was not found: numbering differs between reports.'),
    part: pattern.optional().describe('For side-by-side tables, a pattern the part (`收入` / `支出`) matches.'),
    hasRow: pattern.optional().describe('A row label the table must have (tells the halves of 01表 apart when they are not labelled).'),
    codes: key.optional().describe('The code scheme of its rows (a key of `codes`), for `hierarchy` identities.'),
    allItems: z.boolean().optional().describe('The table lists every item of its code scheme, blank or not (决算 06表); a parent with an item missing is not checked.'),
    required: z.boolean().optional().describe('A report of this kind must have the table.'),
    blank: z.enum(['zero', 'skip']).optional().describe('Overrides the template’s `blank` for this table.'),
  })
  .strict()
  .refine((t) => t.title !== undefined || t.code !== undefined, { message: 'give `title` or `code`' });

const conceptCell = z
  .object({
    table: key.describe('A table of `tables`.'),
    row: rowSelector.optional().describe('The row (the first that matches); defaults to the table’s first row (三公 tables have one row of figures).'),
    column: columnSelector.optional().describe('The column; defaults to the table’s first value column.'),
    onlyIfEqual: z.boolean().optional().describe('Link to this cell only when the figure equals it: the words often, not always, mean it (机关运行经费 is 公用经费 in many reports).'),
  })
  .strict()
  .describe('A cell a concept may stand for: table, row and column.')
  .meta({ id: 'conceptCell' });

export const concept = z
  .object({
    id: key.describe('A unique name; a template that `extends` this one replaces a concept of the same id.'),
    name: message.optional().describe('What the figure is, for hovers and messages.'),
    phrases: z
      .array(pattern)
      .min(1)
      .describe('Patterns the subject of a prose figure matches (anchored at its end), after the year, the linking verb (为, 是) and the role words (年初预算, 支出决算 …) are taken off, e.g. `(本年)?收入合计`.'),
    sections: pattern.optional().describe('A pattern the heading of the section the figure stands in must match, for phrases that mean this concept only there (`支出决算` under 三公).'),
    units: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .describe('For a count (the 三公 table’s 统计数: 团组数, 公务用车保有量 …): the units it is stated in (`个`, `人次`, `辆`). Only a figure in one of them is linked to it; its cells are looked for in the table and in the untitled tables printed right after it.'),
    cells: z
      .object({
        actual: z.array(conceptCell).min(1).optional().describe('Where the figure as reported stands (决算数 in a 决算, 预算数 in a 预算), in order of preference.'),
        budget: z.array(conceptCell).min(1).optional().describe('Where its budget stands (年初预算 / 全年预算 / 预算数), when the report has one.'),
      })
      .strict()
      .refine((c) => c.actual !== undefined || c.budget !== undefined, { message: 'give `actual` or `budget` cells' })
      .describe('The cells by role; a figure whose words name no role (预算, 决算) takes `actual`, else `budget`.'),
  })
  .strict()
  .describe('A standard figure of the narrative (本年收入合计, 基本支出, 因公出国（境）费 …): the words that name it and the cells it restates.')
  .meta({ id: 'concept' });

const fundRows = ['total', 'appropriation', 'carryover', 'other'] as const;
const fundColumns = ['initial', 'budget', 'actual', 'points', 'rate', 'score'] as const;

export const performanceVocabulary = z
  .object({
    title: pattern.describe('A pattern the title of a 绩效 table matches, e.g. `绩效自评表$`.'),
    department: pattern.describe('A pattern the title of the department’s own table matches (部门整体绩效自评表).'),
    departmentSubject: pattern.describe('Words of a section heading that make its prose about the department’s own table (`部门(整体)?评价`).'),
    project: pattern.describe('The label of the cell that names the project (`^项目名称`); the cells after it, up to `stop`, are its name.'),
    stop: pattern.describe('Labels that end the project’s name in its row (主管部门, 实施单位 …).'),
    rows: z
      .object(Object.fromEntries(fundRows.map((r) => [r, pattern])) as Record<(typeof fundRows)[number], typeof pattern>)
      .strict()
      .describe('The funds rows by role: `total` (年度资金总额), `appropriation` (其中：财政拨款), `carryover` (上年结转资金), `other` (其他资金).'),
    columns: z
      .object(Object.fromEntries(fundColumns.map((c) => [c, pattern])) as Record<(typeof fundColumns)[number], typeof pattern>)
      .strict()
      .describe('The funds columns by role, as their headers read (OCR-tolerant): `initial` 年初预算数, `budget` 全年预算数, `actual` 全年执行数, `points` 分值, `rate` 执行率, `score` 得分.'),
    orders: z.array(z.array(z.enum(fundColumns)).min(3)).min(1).describe('The orders the funds columns are printed in; the header picks those it fits (OCR may lose a header word).'),
    totalOnly: z.array(z.enum(fundColumns)).describe('Columns only the total row fills (分值, 得分).'),
    total: pattern.describe('The label of the 总分 row (its last figure is the score).'),
    indicators: z
      .object({ target: pattern.describe('The header of the target column (年度指标值).'), achieved: pattern.describe('The header of the achieved column (实际完成值).') })
      .strict(),
    lead: pattern.describe('Words a clause may open with before its phrase (`该?项目`, `绩效`): the phrase is the rest of the clause, whole.'),
    subject: pattern.describe('Words that end a project paragraph’s heading but are not the project’s name (`项目绩效自评情况`), removed before matching names.'),
    phrases: z
      .array(
        z
          .object({
            words: pattern.describe('A pattern the words of the clause before a figure match (whole, after `lead`), e.g. `全年预算数?`.'),
            row: z.enum([...fundRows, 'score', 'indicator']).describe('The funds row, `score` (总分) or `indicator` (the indicator the words name; its 实际完成值).'),
            column: z.enum(fundColumns).optional().describe('The funds column (for a funds row).'),
          })
          .strict(),
      )
      .describe('What the prose of a project says and the cell of its table it restates; the first that matches wins.'),
  })
  .strict()
  .describe('The 绩效自评表 / 绩效目标表 of a report: how to read them and what the prose of their projects restates.')
  .meta({ id: 'performance' });

export const template = z
  .object({
    $schema: z.string().optional(),
    id: key.describe('The template’s name, e.g. `juesuan-2024`; `--template juesuan-2024` picks it.'),
    title: message.optional(),
    extends: key.optional().describe('Start from this template (e.g. `juesuan-2024`): tables and codes are merged, identities of the same id replaced, new ones added.'),
    disable: z.array(key).optional().describe('Identities of the extended template to leave out.'),
    blank: z.enum(['zero', 'skip']).optional().describe('Blank cells count as zero (`zero`, the default) or make the identities that need them be skipped (`skip`).'),
    codes: z.record(key, codeScheme).optional().describe('Subject code schemes by name, e.g. `function`, `economic`.'),
    tables: z.record(key, tableDef).optional().describe('The tables of the report, by a name identities refer to.'),
    identities: z.array(identity).optional(),
    concepts: z.array(concept).optional().describe('The standard figures of the narrative and the cells they restate, for linking prose to tables.'),
    performance: performanceVocabulary.optional(),
  })
  .strict()
  .describe('A Gouji report template: tables, code schemes and the identities between them.');

export type RowSelector = z.infer<typeof rowSelector>;
export type ColumnSelector = z.infer<typeof columnSelector>;
export type Ref = z.infer<typeof ref>;
export type Identity = z.infer<typeof identity>;
export type CodeScheme = z.infer<typeof codeScheme>;
export type TableDef = z.infer<typeof tableDef>;
export type TemplateFile = z.infer<typeof template>;
export type Concept = z.infer<typeof concept>;
export type ConceptCell = z.infer<typeof conceptCell>;
export type PerformanceVocabulary = z.infer<typeof performanceVocabulary>;

/** A template with its `extends` resolved: everything present. */
export interface Template {
  id: string;
  title: { zh: string; en: string };
  blank: 'zero' | 'skip';
  codes: Record<string, CodeScheme>;
  tables: Record<string, TableDef>;
  identities: Identity[];
  concepts: Concept[];
  /** How the report's 绩效 tables are read and linked, when the template knows them. */
  performance: PerformanceVocabulary | null;
}
