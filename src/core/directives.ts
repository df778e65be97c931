// Inline directives: HTML comments an editor writes to silence a rule where it is wrong about
// their report, in the style of markdownlint. They are invisible in the rendered report.
//   <!-- gouji-disable-next-line share-mismatch -->   the line after the comment
//   <!-- gouji-disable-line -->                        the comment's own line (all rules)
//   <!-- gouji-disable-file truncated-code -->         the whole file
//   <!-- gouji-disable parts-sum --> … <!-- gouji-enable parts-sum -->
import type { Message } from './finding';

type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line' | 'disable-file';

interface Directive {
  kind: DirectiveKind;
  /** The rules named; empty means every rule. */
  rules: string[];
  start: number;
  end: number;
}

export interface DirectiveProblem {
  start: number;
  end: number;
  message: Message;
}

/** Where each rule is silenced, as offset ranges of the text. */
export interface Directives {
  problems: DirectiveProblem[];
  isSilenced(rule: string, offset: number): boolean;
}

const DIRECTIVE = /<!--[ \t]*gouji-(disable-next-line|disable-line|disable-file|disable|enable)\b([^\n]{0,400}?)-->/g;
const RULE_ID = /^[a-z][a-z-]{0,60}$/;

/**
 * The text with every directive blanked (spaces, same length): what the readers of tables and
 * prose see, so that a directive silences findings and never changes how the report is read.
 */
export function maskDirectives(text: string): string {
  return text.includes('gouji-') ? text.replace(DIRECTIVE, (m) => ' '.repeat(m.length)) : text;
}

interface Span {
  rule: string | null;
  start: number;
  end: number;
}

export function readDirectives(text: string, knownRules: readonly string[]): Directives {
  const list: Directive[] = [];
  const problems: DirectiveProblem[] = [];
  for (const m of text.matchAll(DIRECTIVE)) {
    const start = m.index;
    const rules = m[2]!.trim().split(/[\s,，]+/).filter(Boolean);
    const unknown = rules.filter((r) => !RULE_ID.test(r) || !knownRules.includes(r));
    if (unknown.length) {
      problems.push({
        start,
        end: start + m[0].length,
        message: {
          zh: `指令中有未知的规则：${unknown.join('、')}。可用的规则见文档（docs/rules）。`,
          en: `Unknown rule in the directive: ${unknown.join(', ')}. The rules are listed in the docs (docs/rules).`,
        },
      });
    }
    const known = rules.filter((r) => !unknown.includes(r));
    // A directive whose every rule is unknown silences nothing rather than everything.
    if (rules.length && !known.length) continue;
    list.push({ kind: m[1] as DirectiveKind, rules: known, start, end: start + m[0].length });
  }
  // Spans merged and sorted per rule (null: every rule), so each finding is a binary search.
  const byRule = new Map<string | null, Span[]>();
  for (const span of silencedSpans(text, list)) {
    const spans = byRule.get(span.rule);
    if (spans) spans.push(span);
    else byRule.set(span.rule, [span]);
  }
  const merged = new Map([...byRule].map(([rule, spans]) => [rule, merge(spans)]));
  const inside = (spans: Span[] | undefined, offset: number) => {
    if (!spans) return false;
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid]!.end <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo < spans.length && spans[lo]!.start <= offset;
  };
  return {
    problems,
    isSilenced: (rule, offset) => inside(merged.get(null), offset) || inside(merged.get(rule), offset),
  };
}

/** Overlapping spans as one, in order. */
function merge(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const last = out.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else out.push({ ...span });
  }
  return out;
}

function silencedSpans(text: string, list: Directive[]): Span[] {
  const spans: Span[] = [];
  const lineStart = (at: number) => text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = (at: number) => {
    const end = text.indexOf('\n', at);
    return end < 0 ? text.length : end;
  };
  const each = (d: Directive, span: (rule: string | null) => Span) => {
    for (const rule of d.rules.length ? d.rules : [null]) spans.push(span(rule));
  };
  /** Open `disable` blocks by rule (null = all rules), closed by a matching `enable`. */
  const open = new Map<string | null, number>();
  for (const d of list) {
    if (d.kind === 'disable-line') each(d, (rule) => ({ rule, start: lineStart(d.start), end: lineEnd(d.end) + 1 }));
    else if (d.kind === 'disable-next-line') {
      const next = lineEnd(d.end) + 1;
      each(d, (rule) => ({ rule, start: next, end: lineEnd(next) + 1 }));
    } else if (d.kind === 'disable-file') each(d, (rule) => ({ rule, start: 0, end: text.length + 1 }));
    else if (d.kind === 'disable') {
      for (const rule of d.rules.length ? d.rules : [null]) if (!open.has(rule)) open.set(rule, d.end);
    } else {
      const closing = d.rules.length ? d.rules : [...open.keys()];
      for (const rule of closing) {
        const from = open.get(rule);
        if (from === undefined) continue;
        spans.push({ rule, start: from, end: d.start });
        open.delete(rule);
      }
    }
  }
  for (const [rule, from] of open) spans.push({ rule, start: from, end: text.length + 1 });
  return spans;
}
