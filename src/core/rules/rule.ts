import type { Finding, Message, Severity } from '../finding';
import type { Report } from '../report';

/** A rule is data plus one function; docs, SARIF and settings are generated from the data. */
export interface Rule {
  id: string;
  severity: Severity;
  description: Message;
  check(report: Report): Finding[];
}
