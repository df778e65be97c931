import type { Claim } from '../claims';
import type { Tolerance } from '../config';
import type { Directives } from '../directives';
import type { Finding, Message, Severity } from '../finding';
import type { Figure } from '../figures';
import type { Templates } from '../identities';
import type { Report } from '../report';
import type { Link, Statement } from '../resolve';
import type { SumClaim } from '../sums';

/** What every rule reads: the report, its narrative's claims and their links, computed once. */
export interface Context {
  report: Report;
  claims: Claim[];
  links: Link[];
  /** Amounts of the prose that no cell could be found for. */
  unlinked: Figure[];
  /** Amounts with what they are said to be, for the same thing stated twice. */
  statements: Statement[];
  sums: SumClaim[];
  /** The report templates its tables are checked against (shipped, and the user's). */
  templates: Templates;
  tolerance: Tolerance;
  /** The report's inline directives, for the rule that reports unknown rule names in them. */
  directives: Directives;
}

/** A rule is data plus one function; docs, SARIF and settings are generated from the data. */
export interface Rule {
  id: string;
  /** 'off': the rule reports only when a setting turns it on (its findings carry the severity it would have). */
  severity: Severity | 'off';
  description: Message;
  check(context: Context): Finding[];
}
