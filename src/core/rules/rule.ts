import type { Claim } from '../claims';
import type { Finding, Message, Severity } from '../finding';
import type { Report } from '../report';

/** What every rule reads: the report and the claims of its narrative, computed once. */
export interface Context {
  report: Report;
  claims: Claim[];
}

/** A rule is data plus one function; docs, SARIF and settings are generated from the data. */
export interface Rule {
  id: string;
  severity: Severity;
  description: Message;
  check(context: Context): Finding[];
}
