// The one entry point: text in, report and findings out. Pure: no I/O, no editor.
import { type Claim, readClaims } from './claims';
import { type Config, severityFor, type Tolerance } from './config';
import { type Directives, readDirectives } from './directives';
import { type FigureInfo, figureInfo } from './figure-info';
import type { Finding, Severity } from './finding';
import { chooseTemplate, nameTables, type Template, templateSet } from './identities';
import { readReport, type Report } from './report';
import { type Link, linkFigures } from './links/link';
import { type DocumentCount, readDocumentCounts } from './links/document-counts';
import { readRestatements, type Restatement } from './links/restated';
import { rules } from './rules';
import { recomputeAll } from './rates';
import { asFixed, asTabled } from './rules/amount-mismatch';
import { asSummed, readSums } from './sums';

export interface CheckResult {
  report: Report;
  claims: Claim[];
  links: Link[];
  findings: Finding[];
  /** Figures the narrative states twice, each with its statement of record. */
  restated: Restatement[];
  /** Counts of the report's own parts (its 自评表, the names it lists, its indicators), linked to what they count. */
  counts: DocumentCount[];
  /** Each prose figure: its link, its recomputed value, its verdict — what every presenter shows. */
  figures: FigureInfo[];
}

export interface CheckOptions {
  /** The id of the template to check the tables against, instead of the one the report looks like. */
  template?: string;
  /** Templates besides the shipped ones, parsed by the caller (e.g. from the user's workspace). */
  templates?: Template[];
  /** Severity by rule id, or 'off' (from the config file or settings). */
  rules?: Config['rules'];
  tolerance?: Tolerance;
}

export function check(text: string, options: CheckOptions = {}): CheckResult {
  return checkReport(readReport(text), options);
}

/** Everything after reading the text: the one path of check() and of the editor's incremental Checker. */
export function checkReport(report: Report, options: CheckOptions = {}): CheckResult {
  const templates = templateSet(options.templates, options.template ?? null);
  nameTables(report, templates);
  const claims = readClaims(report);
  const { links, unlinked, statements } = linkFigures(report, claims, templates);
  const restated = readRestatements(report, statements, links);
  const counts = readDocumentCounts(report, chooseTemplate(report, templates));
  const sums = readSums(report, claims);
  const directives = readDirectives(report.text, RULE_IDS);
  const fixed = asFixed(links);
  const summed = asSummed(sums, links, asTabled(links, fixed));
  const rates = recomputeAll(claims, fixed, summed);
  const context = { report, claims, links, unlinked, restated, counts, sums, templates, directives, tolerance: options.tolerance ?? 'rounding', asFixed: fixed, asSummed: summed, rates };
  // Each rule reports where and what; its id and default severity are stamped here.
  const findings = rules.flatMap((rule) => rule.check(context).map((f): Stamped => ({ ...f, rule: rule.id, severity: f.severity ?? rule.severity })));
  const settled = settle(findings, directives, options.rules);
  return { report, claims, links, restated, counts, findings: settled, figures: figureInfo(report, { links, restated, counts }, rates, settled) };
}

const RULE_IDS = rules.map((r) => r.id);

/** A finding with its rule's default severity, which may be 'off' (amount-unlinked: coverage, not a finding). */
type Stamped = Omit<Finding, 'severity'> & { severity: Severity | 'off' };

/** The findings the user asked to see: inline directives and configured severities applied, in text order. */
function settle(findings: Stamped[], directives: Directives, settings: Config['rules']): Finding[] {
  const out: Finding[] = [];
  for (const finding of findings) {
    const severity = severityFor(finding.rule, finding.severity, settings);
    if (severity === null || directives.isSilenced(finding.rule, finding.start)) continue;
    out.push({ ...finding, severity });
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}
