// What a report says about itself, read once: its year and kind (the year every 部门决算 /
// 部门预算 title of the report names: the cover, the contents, the part titles, the tables'
// headings) and the department's name (as its title page gives it). The wording rules compare
// the rest of the text with these.
import type { Report } from './report';

export interface ReportFacts {
  /** The report's own year: the year of a 决算, the budget year of a 预算, when most titles agree on it. */
  year: number | null;
  /**
   * The year the text is about as best known, for telling last year's figures from this year's:
   * `year`, else the first year named with 决算 / 预算 (an excerpt without its titles).
   */
  period: number | null;
  kind: '决算' | '预算' | null;
  /** The department as the title page names it, normalised (no spaces, half-width brackets). */
  department: string | null;
}

/** `2024 年度部门决算`, `2026年区级部门预算`, `2024 年度 部门决算表`: the titles that name the report's year. */
export const TITLE_YEAR = /(?<![0-9])((?:19|20)[0-9]{2})\s*年\s*(?:度\s*)?(?:[区市县省]级\s*)?(?:本级\s*)?部\s*门\s*(决\s*算|预\s*算)/g;

const cache = new WeakMap<Report, ReportFacts>();

export function reportFacts(report: Report): ReportFacts {
  let facts = cache.get(report);
  if (!facts) cache.set(report, (facts = read(report)));
  return facts;
}

function read(report: Report): ReportFacts {
  const { year, kind } = readYear(report.norm);
  const named = /(\d{4})\s*年\s*度?[^。\n]{0,30}?(决算|预算)/.exec(report.norm.slice(0, 20_000));
  return { year, period: year ?? (named ? Number(named[1]) : null), kind, department: readDepartment(report.norm) };
}

/** The year most titles name, when a clear majority do (one slip among them is what report-year finds). */
function readYear(norm: string): { year: number | null; kind: ReportFacts['kind'] } {
  const years = new Map<number, number>();
  const kinds = new Map<string, number>();
  for (const m of norm.matchAll(TITLE_YEAR)) {
    const y = Number(m[1]);
    years.set(y, (years.get(y) ?? 0) + 1);
    const k = m[2]!.replace(/\s/g, '');
    kinds.set(k, (kinds.get(k) ?? 0) + 1);
  }
  const ranked = [...years].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  const year = first && first[1] >= 2 && (!second || first[1] >= 2 * second[1]) ? first[0] : null;
  const kind = [...kinds].sort((a, b) => b[1] - a[1])[0]?.[0] as ReportFacts['kind'] | undefined;
  return { year, kind: kind ?? null };
}

/** Spaces, markdown emphasis and heading marks gone; brackets half-width: how names compare. */
export const normalName = (s: string) => s.replace(/[\s*#]/g, '').replace(/（/g, '(').replace(/）/g, ')');

/** Qualifiers a department's own name carries in some places and not in others. */
export const bareName = (s: string) => normalName(s).replace(/\((?:汇总|本级|部门|单位)\)|本级$|汇总$/g, '');

/** A department's name ends in the word for what it is. */
export const DEPARTMENT_END = /(?:局|委员会|委|厅|办公室|办|中心|院|所|部|会|馆|站|队|处|署|社|团|政府|法院|检察院)$/;

/**
 * The title page: everything before the contents (目录) or the first part, in the first lines.
 * Its name is what stands between (or before) the year and 部门决算 / 部门预算, or what follows
 * 主管部门： on a 预算's cover.
 */
function readDepartment(norm: string): string | null {
  const head = norm.slice(0, 600);
  const stop = head.search(/目\s*录|第\s*一\s*部\s*分/);
  const cover = stop > 0 ? head.slice(0, stop) : head.slice(0, 300);
  const chief = /主管部门\s*[:：]\s*([^\n]{2,40})/.exec(cover);
  if (chief) return ok(chief[1]!);
  const flat = normalName(cover);
  const m = /^(?:(?:19|20)[0-9]{2}年度?)?([^0-9]{2,40}?)(?:(?:19|20)[0-9]{2}年度?)?(?:[区市县省]级)?部门(?:决算|预算)/.exec(flat);
  return m ? ok(m[1]!) : null;
}

const ok = (name: string) => {
  const n = normalName(name);
  return DEPARTMENT_END.test(bareName(n)) ? n : null;
};

/** The prose of the report (headings and paragraphs), where the wording rules look. */
export const prose = (report: Report) => report.blocks.filter((b) => b.kind !== 'table');
