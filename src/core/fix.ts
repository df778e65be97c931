// Applying fixes: each replaces exactly the characters of the figure it corrects.
import type { Finding, Fix } from './finding';

/**
 * Applies every fix that does not overlap an earlier one, from the end of the text
 * backwards so that offsets stay valid. Returns the new text and the fixes applied.
 */
export function applyFixes(text: string, findings: Finding[]): { text: string; applied: (Fix & { rule: string; old: string })[] } {
  const fixes = findings
    .filter((f): f is Finding & { fix: Fix } => f.fix !== null)
    .map((f) => ({ ...f.fix, rule: f.rule, old: text.slice(f.fix.start, f.fix.end) }))
    .sort((a, b) => a.start - b.start);
  const chosen: typeof fixes = [];
  for (const fix of fixes) if (!chosen.length || fix.start >= chosen[chosen.length - 1]!.end) chosen.push(fix);
  let out = text;
  for (const fix of [...chosen].reverse()) out = out.slice(0, fix.start) + fix.newText + out.slice(fix.end);
  return { text: out, applied: chosen };
}
