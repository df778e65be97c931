// The one entry point: text in, report and findings out. Pure: no I/O, no editor.
import { type Claim, readClaims } from './claims';
import type { Finding } from './finding';
import { type Template, templateSet } from './identities';
import { readReport, type Report } from './report';
import { type Link, linkFigures } from './resolve';
import { rules } from './rules';
import { readSums } from './sums';

export interface CheckResult {
  report: Report;
  claims: Claim[];
  links: Link[];
  findings: Finding[];
}

export interface CheckOptions {
  /** The id of the template to check the tables against, instead of the one the report looks like. */
  template?: string;
  /** Templates besides the shipped ones, parsed by the caller (e.g. from the user's workspace). */
  templates?: Template[];
}

export function check(text: string, options: CheckOptions = {}): CheckResult {
  const report = readReport(text);
  const claims = readClaims(report);
  const { links, unlinked, statements } = linkFigures(report, claims);
  const sums = readSums(report, claims);
  const templates = templateSet(options.templates, options.template ?? null);
  const findings = rules.flatMap((rule) => rule.check({ report, claims, links, unlinked, statements, sums, templates })).sort((a, b) => a.start - b.start || a.end - b.end);
  return { report, claims, links, findings };
}
