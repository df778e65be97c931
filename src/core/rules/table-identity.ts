import type Decimal from 'decimal.js';
import type { Message, Related, Severity } from '../finding';
import { type Checked, type Evaluation, evaluationFor, type Instance, type Operand } from '../identities';
import { bandsName, cellName, cellNameFrom, codeRange, rowName, tableName } from '../names';
import { formatNumber, type NumberStyle } from '../number';
import type { Row } from '../tables/model';
import type { Found, Rule } from './rule';

const RULE = 'table-identity';

/**
 * The identities of the report's template (表内 / 表间 勾稽关系): totals, subject hierarchies,
 * the same figure in two tables. Broken ones sit on the total; identities that need a cell
 * that cannot be read, or subject codes that cannot be trusted, are skipped with a note.
 */
export const tableIdentity: Rule = {
  id: RULE,
  severity: 'warning',
  tags: ['table'],
  description: { zh: '表内、表间勾稽关系不成立（合计与各项之和不符，同一数字在两表中不一致）', en: 'A table identity that does not hold (a total that is not the sum of its parts, a figure that differs between tables)' },
  check: ({ report, templates }) => {
    const ev = evaluationFor(report, templates);
    if (!ev) {
      if (templates.forced === null) return [];
      return [note(report.text, { zh: `没有名为“${templates.forced}”的模板，表格勾稽关系未检查。`, en: `There is no template '${templates.forced}': the table identities were not checked.` })];
    }
    return [...missingTables(report.text, ev), ...ev.checked.filter((c) => !c.holds).map(broken), ...unreadableNotes(ev), ...codeNotes(report.text, ev), ...missingRows(ev)];
  },
};

const identityName = (x: Instance['identity']): Message => x.name ?? { zh: x.id, en: x.id };
const nameOf = (i: Instance): Message => identityName(i.identity);

function style(o: Operand, decimals: number): NumberStyle {
  const v = o.cell.value;
  return { decimals, grouped: v.kind === 'number' ? v.style.grouped : false, fullWidth: v.kind === 'number' ? v.style.fullWidth : false };
}

const cellText = (o: Operand) => (o.cell.value.kind === 'blank' ? { zh: '空白', en: 'blank' } : { zh: o.cell.text, en: o.cell.text });

function broken(c: Checked): Found {
  const { total, parts } = c;
  const fmt = (x: Decimal) => formatNumber(x, style(total, c.decimals));
  const exact = (x: Decimal) => x.toFixed();
  const name = nameOf(c);
  const where = cellName(total);
  const t = cellText(total);
  const range = `[${exact(c.partsRange.lo)}, ${exact(c.partsRange.hi)}]`;
  const head = {
    zh: `${name.zh}不成立：${where.zh}为 ${t.zh}`,
    en: `${name.en} does not hold: ${where.en} is ${t.en}`,
  };
  let body: Message;
  if (parts.length === 1) {
    const p = parts[0]!;
    const pn = cellNameFrom(p, total);
    body = {
      zh: `，而${pn.zh}为 ${cellText(p).zh}，相差 ${fmt(c.difference.abs())}，超出舍入所能解释的 ${exact(c.tolerance)}。`,
      en: `, but ${pn.en} is ${cellText(p).en}: they differ by ${fmt(c.difference.abs())}, more than the ${exact(c.tolerance)} rounding can explain.`,
    };
  } else {
    const what: Message =
      c.via === 'children'
        ? { zh: `其下 ${parts.length} 个科目（${codeSpan(parts)}）`, en: `its ${parts.length} sub-items (${codeSpan(parts)})` }
        : parts.length <= 4
          ? { zh: parts.map((p, i) => `${i === 0 ? '' : p.minus ? ' − ' : ' + '}${cellNameFrom(p, total).zh} ${cellText(p).zh}`).join(''), en: parts.map((p, i) => `${i === 0 ? '' : p.minus ? ' − ' : ' + '}${cellNameFrom(p, total).en} ${cellText(p).en}`).join('') }
          : { zh: `${parts.length} 项`, en: `its ${parts.length} parts` };
    body = {
      zh: `，而${what.zh}${/[0-9a-zA-Z]$/.test(what.zh) ? ' ' : ''}之和为 ${fmt(c.sum)}，相差 ${fmt(c.difference.abs())}；按所示精度，各项之和只可能在 ${range} 之间，舍入至多解释 ${exact(c.tolerance)}。`,
      en: `, but ${what.en} add up to ${fmt(c.sum)}, off by ${fmt(c.difference.abs())}; allowing for the rounding of the figures shown they can only add up to ${range}, and rounding explains at most ${exact(c.tolerance)}.`,
    };
  }
  const related: Related[] = parts
    .filter((p) => p.cell.value.kind === 'number')
    .map((p) => {
      const n = cellNameFrom(p, total);
      return { start: p.cell.start, end: p.cell.end, message: { zh: `${n.zh}：${p.cell.text}`, en: `${n.en}: ${p.cell.text}` } };
    });
  // A blank total has no text to sit on: its row's label does, or the row.
  const row = total.row;
  const at = total.cell.end > total.cell.start ? total.cell : row.labelEnd > row.labelStart ? { start: row.labelStart, end: row.labelEnd } : row;
  return {
    ...(c.identity.severity ? { severity: c.identity.severity } : {}),
    start: at.start,
    end: at.end,
    message: { zh: head.zh + body.zh, en: head.en + body.en },
    expected: fmt(c.sum),
    related,
    fix: null,
  };
}

/** The codes of a parent's children: all of a few, the first and last of many. */
function codeSpan(parts: Operand[]): string {
  const codes = parts.map((p) => p.row.code ?? '');
  return codes.length <= 4 ? codes.join(', ') : `${codes[0]} … ${codes[codes.length - 1]}`;
}

/** `a、b、c 等 8 项` / `a, b, c and 5 more`: long lists cut short. */
function list(items: string[], lang: 'zh' | 'en', max = 5, sep = lang === 'zh' ? '、' : ', '): string {
  const shown = items.slice(0, max).join(sep);
  if (items.length <= max) return shown;
  return lang === 'zh' ? `${shown} 等 ${items.length} 项` : `${shown} and ${items.length - max} more`;
}

/**
 * One note per unreadable cell, not per identity: each skipped identity is listed on the first
 * cell (in document order) that stopped it, so a broken figure never fans out.
 */
function unreadableNotes(ev: Evaluation): Found[] {
  const byAnchor = new Map<Operand['cell'], { anchor: Operand; others: Map<number, Operand>; what: Set<string>; whatEn: Set<string> }>();
  for (const s of ev.skipped) {
    if (s.reason.kind !== 'unreadable' || !s.instance) continue;
    const cells = [...s.reason.cells].sort((a, b) => a.cell.start - b.cell.start);
    const anchor = cells[0]!;
    const entry = byAnchor.get(anchor.cell) ?? { anchor, others: new Map(), what: new Set(), whatEn: new Set() };
    byAnchor.set(anchor.cell, entry);
    for (const o of cells.slice(1)) entry.others.set(o.cell.start, o);
    const name = nameOf(s.instance);
    const row = rowName(s.instance.total.table, s.instance.total.row);
    entry.what.add(`${name.zh}（${tableName(s.instance.total.table)}“${row.zh}”行）`);
    entry.whatEn.add(`${name.en} (${tableName(s.instance.total.table)}, row “${row.en}”)`);
  }
  return [...byAnchor.values()].map(({ anchor, others, what, whatEn }) => ({
    severity: 'information',
    start: anchor.cell.start,
    end: anchor.cell.end,
    message: {
      zh: `“${anchor.cell.text}”无法读作数字，以下勾稽关系因此未检查：${list([...what], 'zh', 3, '；')}。`,
      en: `“${anchor.cell.text}” cannot be read as a number, so these identities were not checked: ${list([...whatEn], 'en', 3, '; ')}.`,
    },
    expected: null,
    related: [...others.values()].map((o) => ({ start: o.cell.start, end: o.cell.end, message: { zh: `同样无法读出：${o.cell.text}`, en: `also unreadable: ${o.cell.text}` } })),
    fix: null,
  }));
}

/** One note per table whose hierarchy was (partly) skipped for codes that cannot be trusted. */
function codeNotes(text: string, ev: Evaluation): Found[] {
  const out: Found[] = [];
  for (const [key, a] of ev.codes) {
    const reasons = new Set(ev.skipped.flatMap((s) => (s.reason.kind === 'codes' && s.reason.key === key ? [s.reason.why] : [])));
    reasons.delete('truncated'); // truncated-code says it once for the table
    if (reasons.size === 0) continue;
    const bands = ev.tables.get(key)!;
    const scheme = a.scheme.name ?? { zh: key, en: key };
    const codes = (rows: { code: string }[]) => [...new Set(rows.map((r) => r.code))];
    const zh: string[] = [];
    const en: string[] = [];
    let anchor: Row | null = null;
    if (reasons.has('unknown')) {
      const c = codes(a.unknown);
      zh.push(`科目编码 ${list(c, 'zh')} 不是${scheme.zh}编码（疑为识别错误）`);
      en.push(`subject codes ${list(c, 'en')} are not ${scheme.en} codes (misread, most likely)`);
      anchor ??= a.unknown[0]!.row;
    }
    if (reasons.has('duplicate')) {
      const c = codes(a.duplicate);
      zh.push(`科目编码 ${list(c, 'zh')} 重复出现`);
      en.push(`subject codes ${list(c, 'en')} appear twice`);
      anchor ??= a.duplicate.find((d, i) => a.duplicate.findIndex((x) => x.code === d.code) !== i)?.row ?? a.duplicate[0]!.row;
    }
    if (reasons.has('missing')) {
      const skippedParents = new Set(ev.skipped.flatMap((s) => (s.reason.kind === 'codes' && s.reason.key === key && s.reason.why === 'missing' ? [s.reason.code] : [])));
      const missing = [...a.missingItems].filter(([p]) => skippedParents.has(p));
      const c = missing.flatMap(([, items]) => items);
      zh.push(`未读到 ${list(c, 'zh')} 行（可能被并入了相邻行）`);
      en.push(`rows ${list(c, 'en')} were not read (merged into a neighbouring row, most likely)`);
      anchor ??= a.sound.get(missing[0]![0])?.row ?? null;
    }
    const at = anchor ? codeRange(text, anchor) : { start: bands[0]!.start, end: bands[0]!.start + 1 };
    out.push({
      severity: 'information',
      start: at.start,
      end: at.end,
      message: {
        zh: `${bandsName(bands)}：${zh.join('；')}，涉及它们的科目层级合计未检查。`,
        en: `${bandsName(bands)}: ${en.join('; ')}; the subject totals that involve them were not checked.`,
      },
      expected: null,
      related: [],
      fix: null,
    });
  }
  return out;
}

/** A required row that is not there: a defect of the report (or of its reading), once per row. */
function missingRows(ev: Evaluation): Found[] {
  const seen = new Set<string>();
  const out: Found[] = [];
  for (const s of ev.skipped) {
    if (s.reason.kind !== 'missing' || s.reason.what !== 'row' || !s.reason.required) continue;
    const bands = ev.tables.get(s.reason.key);
    const ref = requiredRef(s.identity, s.reason.key);
    if (!bands || !ref || seen.has(`${s.reason.key} ${ref}`)) continue;
    seen.add(`${s.reason.key} ${ref}`);
    const first = bands[0]!.rows[0];
    out.push({
      start: first ? first.labelStart : bands[0]!.start,
      end: first ? Math.max(first.labelEnd, first.labelStart + 1) : bands[0]!.start + 1,
      message: {
        zh: `${bandsName(bands)}应有“${ref}”行，未找到；${identityName(s.identity).zh}未检查。`,
        en: `${bandsName(bands)} should have a row “${ref}”, and none was found; ${identityName(s.identity).en} was not checked.`,
      },
      expected: null,
      related: [],
      fix: null,
    });
  }
  return out;
}

/** The label pattern of the first required row an identity names in table `key`, made readable. */
function requiredRef(identity: Instance['identity'], key: string): string | null {
  const refs = identity.kind === 'sum' ? [identity.total, ...identity.parts] : identity.kind === 'equal' ? [identity.left, identity.right] : [];
  const home = 'table' in identity ? identity.table : undefined;
  const r = refs.find((x) => x.required && (x.table ?? home) === key && x.row);
  if (!r?.row) return null;
  const pattern = typeof r.row === 'string' ? r.row : r.row.label ?? r.row.code ?? '';
  return pattern.replace(/^\^|\$$/g, '');
}

/** Required tables the report lacks, on its first line. */
function missingTables(text: string, ev: Evaluation): Found[] {
  return ev.missingTables.map((key) => {
    const def = ev.template.tables[key]!;
    const name = def.name ?? { zh: key, en: key };
    return note(text, {
      zh: `按${ev.template.title.zh}，报告应有${name.zh}，未找到。`,
      en: `A report of the ${ev.template.title.en} template has ${name.en}; none was found.`,
    }, 'warning');
  });
}

function note(text: string, message: Message, severity: Severity = 'information'): Found {
  const lineEnd = text.indexOf('\n');
  const end = Math.min(text.length, Math.max(1, lineEnd === -1 ? text.length : lineEnd));
  return { severity, start: 0, end, message, expected: null, related: [], fix: null };
}

