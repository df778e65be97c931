// The one entry point: text in, report and findings out. Pure: no I/O, no editor.
import { type Claim, readClaims } from './claims';
import type { Finding } from './finding';
import { readReport, type Report } from './report';
import { rules } from './rules';

export interface CheckResult {
  report: Report;
  claims: Claim[];
  findings: Finding[];
}

export function check(text: string): CheckResult {
  const report = readReport(text);
  const claims = readClaims(report);
  const findings = rules.flatMap((rule) => rule.check({ report, claims })).sort((a, b) => a.start - b.start || a.end - b.end);
  return { report, claims, findings };
}
