// What the lines above a table say about it: its code, title and unit.
import type { AmountUnit } from '../number';
import { cleanLabel, halfWidth } from '../text';

export interface TableMeta {
  code: string | null;
  title: string | null;
  unit: AmountUnit | null;
}

const CODE = /(部门公开表|预算公开表|公开)\s*(\d{1,2})\s*(表?)/;
const UNIT = /单\s*位\s*:\s*(万\s*元|亿\s*元|元)/;
const TITLE = /^[^，。；:,]{2,40}表$/;

/** The unit a line states (`单位：万元`, `金额单位：元`), if any. */
export function statedUnit(line: string): AmountUnit | null {
  const m = UNIT.exec(halfWidth(line));
  return m ? (m[1]!.replace(/\s/g, '') as AmountUnit) : null;
}

/** Reads `lines` (nearest first) for the table's code, title and unit. */
export function readMeta(lines: string[]): TableMeta {
  const meta: TableMeta = { code: null, title: null, unit: null };
  for (const line of lines) {
    const half = halfWidth(line);
    const code = CODE.exec(half);
    if (code && !meta.code) {
      const n = code[1] === '公开' ? code[2]!.padStart(2, '0') : code[2]!;
      meta.code = code[1] === '公开' ? `公开${n}表` : `${code[1]}${n}`;
    }
    meta.unit ??= statedUnit(line);
    const title = cleanLabel(half.replace(/^#+\s*|\*\*|__/g, '')).replace(/^[一二三四五六七八九十]+、/, '');
    if (!code && !meta.title && TITLE.test(title) && /决算|预算|收入|支出|收支|经费|情况/.test(title)) meta.title = title;
  }
  return meta;
}
