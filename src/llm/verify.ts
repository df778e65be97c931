// The engine's word on a draft: the draft is put into the report where it would go, the
// report is checked again, and each figure of the draft is found to agree with the report,
// to disagree (with what it should be), or to come from nowhere the report knows.
import { check, type CheckOptions } from '../core/check';
import type { Figure } from '../core/figures';
import { isSerious, type Message } from '../core/finding';
import { explains, shown } from '../core/interval';
import { convert, convertedDecimals, isAmountUnit } from '../core/number';
import { cellName } from '../core/names';
import type { Report } from '../core/report';
import type { KnownFigure } from './brief';
import type { DraftFigure } from './schema';

export type FigureVerdict =
  | { status: 'agrees'; basis: Message }
  | { status: 'disagrees'; expected: string | null; message: Message }
  | { status: 'untraced' };

export interface CheckedFigure {
  /** As written in the draft, with its unit. */
  text: string;
  /** Offsets within the draft. */
  start: number;
  end: number;
  /** What the model said the figure stands for. */
  meaning: string | null;
  verdict: FigureVerdict;
}

export interface Verification {
  figures: CheckedFigure[];
  /** The engine's findings on the draft's words (a direction word the figures contradict). */
  problems: Message[];
  /** Some figure disagrees or cannot be traced, or the words contradict the figures. */
  flagged: boolean;
}

export interface VerifyOptions {
  /** Values the engine computed for the brief (a difference, last year's figure). */
  known?: KnownFigure[];
  /** The figures the model says it used, for their meanings. */
  declared?: DraftFigure[];
  check?: CheckOptions;
}

const compactText = (s: string) => s.replace(/\s+/g, '');

/** Does the shown figure `f` restate `value` shown with `decimals` in `unit`, within rounding? */
function restates(f: Figure, value: Figure['value'], unit: string | null, decimals: number): boolean {
  if (isAmountUnit(f.unit) && isAmountUnit(unit)) {
    return explains(shown(convert(value, unit, f.unit), convertedDecimals(decimals, unit, f.unit)), f.value, f.decimals);
  }
  if (f.unit !== unit) return false;
  return f.kind === 'percent' ? explains(shown(value, decimals), f.value, f.decimals) : f.value.eq(value);
}

/** Where else in the report (outside the draft) the figure's value is stated: a prose figure, a cell or a subject code. */
function statedElsewhere(report: Report, f: Figure, from: number, to: number): Message | null {
  const prose = report.figures.find((g) => (g.unitEnd <= from || g.start >= to) && restates(f, g.value, g.unit, g.decimals));
  if (prose) return { zh: `与报告中的“${prose.text}${prose.unit ?? ''}”一致`, en: `matches “${prose.text}${prose.unit ?? ''}” in the report` };
  for (const table of report.tables) {
    for (const row of table.rows) {
      if (f.unit === null && row.code === f.text) return { zh: `${table.code ?? ''}的科目编码 ${row.code}`, en: `subject code ${row.code} of ${table.code ?? 'a table'}` };
      if (!table.unit || !isAmountUnit(f.unit)) continue;
      for (const cell of row.cells) {
        if (cell.value.kind === 'number' && restates(f, cell.value.value, table.unit, cell.value.style.decimals)) {
          const where = cellName({ table, row, cell });
          return { zh: `与${where.zh}一致`, en: `matches ${where.en}` };
        }
      }
    }
  }
  return null;
}

/**
 * Puts `draft` in place of [start, end) of `text`, checks the report, and judges each figure
 * of the draft. Findings the engine makes on the draft's words are problems too.
 */
export function verifyDraft(text: string, placement: { start: number; end: number }, draft: string, options: VerifyOptions = {}): Verification {
  const from = placement.start;
  const to = from + draft.length;
  const result = check(text.slice(0, from) + draft + text.slice(placement.end), options.check);
  const serious = result.findings.filter((f) => isSerious(f) && f.start < to && from < f.end);
  const inDraft = result.figures.filter((i) => i.figure.start >= from && i.figure.end <= to);
  const declared = (options.declared ?? []).map((d) => ({ key: compactText(d.text), meaning: d.meaning }));

  const figures = inDraft.map(({ figure, state, link, recomputed }): CheckedFigure => {
    const written = draft.slice(figure.start - from, figure.unitEnd - from).replace(/\s+/g, ' ');
    const meaning = declared.find((d) => d.key.includes(compactText(figure.text)))?.meaning ?? null;
    const at = { text: written, start: figure.start - from, end: figure.unitEnd - from, meaning };
    const finding = serious.find((f) => f.start < figure.unitEnd && figure.start < f.end);
    if (finding) return { ...at, verdict: { status: 'disagrees', expected: finding.expected, message: finding.message } };
    if (link && state === 'agrees') {
      const where = cellName(link);
      return { ...at, verdict: { status: 'agrees', basis: { zh: `与${where.zh}一致`, en: `matches ${where.en}` } } };
    }
    if (recomputed && state === 'agrees') return { ...at, verdict: { status: 'agrees', basis: { zh: `重算：${recomputed.formula}`, en: `recomputed: ${recomputed.formula}` } } };
    const knownAs = options.known?.find((k) => restates(figure, k.value, k.unit, k.decimals));
    if (knownAs) return { ...at, verdict: { status: 'agrees', basis: { zh: `等于${knownAs.label.zh}`, en: `equals ${knownAs.label.en}` } } };
    const elsewhere = statedElsewhere(result.report, figure, from, to);
    if (elsewhere) return { ...at, verdict: { status: 'agrees', basis: elsewhere } };
    return { ...at, verdict: { status: 'untraced' } };
  });

  const onFigure = (f: { start: number; end: number }) => inDraft.some(({ figure }) => f.start < figure.unitEnd && figure.start < f.end);
  const problems = serious.filter((f) => !onFigure(f)).map((f) => f.message);
  const flagged = problems.length > 0 || figures.some((f) => f.verdict.status !== 'agrees');
  return { figures, problems, flagged };
}

/** One line per figure that keeps a draft from being accepted as is. */
export function verificationProblems(v: Verification): Message[] {
  const lines: Message[] = [];
  for (const f of v.figures) {
    if (f.verdict.status === 'untraced') {
      lines.push({ zh: `“${f.text}”在报告中找不到出处`, en: `“${f.text}” cannot be traced to the report` });
    } else if (f.verdict.status === 'disagrees') {
      const { expected, message } = f.verdict;
      lines.push(
        expected
          ? { zh: `“${f.text}”与报告不符，应为 ${expected}`, en: `“${f.text}” disagrees with the report: it should be ${expected}` }
          : { zh: `“${f.text}”与报告不符：${message.zh}`, en: `“${f.text}” disagrees with the report: ${message.en}` },
      );
    }
  }
  return [...lines, ...v.problems];
}
