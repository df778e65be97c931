import { shown, sum } from '../interval';
import type { Found, Rule } from './rule';

/**
 * The 三公 section's 公务用车保有量 counts the cars whose running costs the appropriation pays;
 * the 国有资产 section's 共有车辆 counts every car of the department. The first is part of the
 * second, so it cannot be larger; it may be smaller (cars run on other money), so a smaller
 * one is no finding. The pair is the linker's (links/restated.ts: each stated once, of the same
 * date or year). The finding is on the 保有量 unless the fleet's own 其中 list does not add up to
 * it (then the fleet is what is in doubt, and parts-sum says so). No fix: which is wrong is the
 * author's to say.
 */
export const vehicleCount: Rule = {
  id: 'vehicle-count',
  severity: 'warning',
  tags: ['consistency'],
  description: { zh: '公务用车保有量多于国有资产部分所列的共有车辆数', en: 'More official cars held (三公) than the department has in all (国有资产)' },
  check: ({ restated, sums }) => {
    const pair = restated.find((r) => r.kind === 'vehicles');
    if (!pair || pair.agrees) return [];
    const { figure: held, source: all } = pair;
    // The fleet's 其中 list: when it does not add up, the fleet's figure is the one in doubt.
    const split = sums.find((s) => s.total === all);
    if (split) {
      const parts = sum(split.parts.map((p) => shown(p.value, p.decimals)));
      const total = shown(all.value, all.decimals);
      if (parts.lo.gt(total.hi) || (split.complete && parts.hi.lt(total.lo))) return [];
    }
    const found: Found = {
      start: held.start,
      end: held.end,
      message: {
        zh: `公务用车保有量 ${held.text} 辆多于部门共有车辆 ${all.text} 辆：保有量是共有车辆的一部分，不能更多。`,
        en: `${held.text} official cars held is more than the ${all.text} cars the department has in all: the cars held are some of them, so cannot be more.`,
      },
      expected: null,
      related: [{ start: all.start, end: all.end, message: { zh: '共有车辆', en: 'cars in all' } }],
      fix: null,
    };
    return [found];
  },
};
