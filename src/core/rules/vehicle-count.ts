import type { Figure } from '../figures';
import { shown, sum } from '../interval';
import type { Found, Rule } from './rule';

/** `公务用车保有量为 2.00 辆` (the 三公 section): the cars whose running the appropriation pays. */
const HOLDINGS = /保有量(?:为|是|共|共计|合计|达)?$/;
/** `共有车辆 2.00辆，其中：…` (国有资产占用情况): every car the department has. */
const FLEET = /共有(?:各类)?车辆(?:为|共|共计|合计)?$/;
/** `截至 2024 年 12 月 31 日`: when a count was taken. */
const AS_OF = /截至\s*((?:19|20)[0-9]{2})\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日/g;

interface CarCount {
  figure: Figure;
  /** The date its sentence says it was taken on (`2024-12-31`), if it says one. */
  asOf: string | null;
  /** The year its sentence names last (`2026 年…保有量` in a 预算 is a plan), if any. */
  year: string | null;
}

/**
 * The 三公 section's 公务用车保有量 counts the cars whose running costs the appropriation pays;
 * the 国有资产 section's 共有车辆 counts every car of the department. The first is part of the
 * second, so it cannot be larger; it may be smaller (cars run on other money), so a smaller
 * one is no finding. Only when the report states each once, and not of different dates or years
 * (a 预算's `2026 年…保有量` is a plan, its `截至 2025 年 8 月 31 日共有车辆` a count). The
 * finding is on the 保有量 unless the fleet's own 其中 list does not add up to it (then the
 * fleet is what is in doubt, and parts-sum says so). No fix: which is wrong is the author's to say.
 */
export const vehicleCount: Rule = {
  id: 'vehicle-count',
  severity: 'warning',
  tags: ['consistency'],
  description: { zh: '公务用车保有量多于国有资产部分所列的共有车辆数', en: 'More official cars held (三公) than the department has in all (国有资产)' },
  check: ({ report, sums }) => {
    const holdings: CarCount[] = [];
    const fleet: CarCount[] = [];
    // Prose figures only: a table's cells are not among them.
    for (const f of report.figures) {
      if (f.kind !== 'count' || f.unit !== '辆') continue;
      const sentence = sentenceBefore(report.norm, f.start);
      const lead = sentence.slice(-30).replace(/\s+/g, '');
      const list = HOLDINGS.test(lead) ? holdings : FLEET.test(lead) ? fleet : null;
      const m = [...sentence.matchAll(AS_OF)].pop();
      const year = [...sentence.matchAll(/((?:19|20)[0-9]{2})\s*年/g)].pop()?.[1] ?? null;
      list?.push({ figure: f, asOf: m ? `${m[1]}-${Number(m[2])}-${Number(m[3])}` : null, year });
    }
    if (holdings.length !== 1 || fleet.length !== 1) return [];
    const [held, all] = [holdings[0]!, fleet[0]!];
    if ((held.asOf && all.asOf && held.asOf !== all.asOf) || (held.year && all.year && held.year !== all.year)) return [];
    if (!held.figure.value.gt(all.figure.value)) return [];
    // The fleet's 其中 list: when it does not add up, the fleet's figure is the one in doubt.
    const split = sums.find((s) => s.total === all.figure);
    if (split) {
      const parts = sum(split.parts.map((p) => shown(p.value, p.decimals)));
      const total = shown(all.figure.value, all.figure.decimals);
      if (parts.lo.gt(total.hi) || (split.complete && parts.hi.lt(total.lo))) return [];
    }
    const found: Found = {
      start: held.figure.start,
      end: held.figure.end,
      message: {
        zh: `公务用车保有量 ${held.figure.text} 辆多于部门共有车辆 ${all.figure.text} 辆：保有量是共有车辆的一部分，不能更多。`,
        en: `${held.figure.text} official cars held is more than the ${all.figure.text} cars the department has in all: the cars held are some of them, so cannot be more.`,
      },
      expected: null,
      related: [{ start: all.figure.start, end: all.figure.end, message: { zh: '共有车辆', en: 'cars in all' } }],
      fix: null,
    };
    return [found];
  },
};

/** The sentence up to `at`: back to its 。, within 300 characters. */
function sentenceBefore(norm: string, at: number): string {
  const lo = Math.max(0, at - 300);
  return norm.slice(lo + norm.slice(lo, at).lastIndexOf('。') + 1, at);
}
