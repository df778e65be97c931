// Report excerpts with the findings expected marked inline, as markdownlint's test files mark
// theirs: `{{rule-id:flagged text}}` around the text a finding must cover, and
// `{{rule-id:flagged text=>fixed text}}` when the rule's fix must turn it into `fixed text`.
// Everything unmarked must stay silent for the rules named. For example:
//   本年支出增长 {{percent-sign:13.95=>13.95%}}，主要原因是…
import assert from 'node:assert/strict';
import { check, type CheckOptions } from '../src/core/check';
import type { Finding } from '../src/core/finding';
import { applyFixes } from '../src/core/fix';

export interface Marked {
  /** The excerpt without its markers: what the rules read. */
  text: string;
  /** The excerpt as every marked fix leaves it. */
  fixed: string;
  marks: { rule: string; start: number; end: number; text: string; fix: string | null }[];
}

const MARK = /\{\{([a-z]+(?:-[a-z]+)*):([^{}]*?)(?:=>([^{}]*))?\}\}/g;

export function parseMarkers(source: string): Marked {
  let text = '';
  let fixed = '';
  let last = 0;
  const marks: Marked['marks'] = [];
  for (const m of source.matchAll(MARK)) {
    const plain = source.slice(last, m.index);
    text += plain;
    fixed += plain;
    const [, rule, flagged, fix] = m as unknown as [string, string, string, string | undefined];
    marks.push({ rule, start: text.length, end: text.length + flagged.length, text: flagged, fix: fix ?? null });
    text += flagged;
    fixed += fix ?? flagged;
    last = m.index + m[0].length;
  }
  text += source.slice(last);
  fixed += source.slice(last);
  assert.ok(!/\{\{|\}\}/.test(text), `a marker is not closed or not well-formed in: ${source}`);
  return { text, fixed, marks };
}

/**
 * Checks the excerpt and asserts that the findings of `rules` are exactly the marked ones (rule,
 * start and end), and that applying their fixes gives the excerpt with every `=>` applied
 * (no fix where none is marked). Returns the findings, for further assertions on messages.
 */
export function expectMarked(rules: string | string[], source: string, options: CheckOptions = {}): Finding[] {
  const ids = typeof rules === 'string' ? [rules] : rules;
  const { text, fixed, marks } = parseMarkers(source);
  for (const m of marks) assert.ok(ids.includes(m.rule), `marker for ${m.rule}, which this test does not check (${ids.join(', ')})`);
  const found = check(text, options).findings.filter((f) => ids.includes(f.rule));
  const show = (list: { rule: string; start: number; end: number }[]) => list.map((f) => `${f.rule} “${text.slice(f.start, f.end)}” @${f.start}`).sort();
  assert.deepEqual(show(found), show(marks), `findings of ${ids.join(', ')} in:\n${text}`);
  assert.equal(applyFixes(text, found).text, fixed, `the text after the fixes of ${ids.join(', ')}`);
  return found;
}
