import type { Claim } from '../claims';
import type { Tolerance } from '../config';
import type { Directives } from '../directives';
import type { Finding, Message, Severity } from '../finding';
import type { Figure } from '../figures';
import type { Templates } from '../identities';
import type { Report } from '../report';
import type { Input, RateOf } from '../rates';
import type { Link } from '../links/link';
import type { DocumentCount } from '../links/document-counts';
import type { Restatement } from '../links/restated';
import type { SumClaim } from '../sums';

/** What every rule reads: the report, its narrative's claims and their links, computed once. */
export interface Context {
  report: Report;
  claims: Claim[];
  links: Link[];
  /** Amounts of the prose that no cell could be found for. */
  unlinked: Figure[];
  /** Figures the narrative states twice, each paired with its statement of record. */
  restated: Restatement[];
  /** Counts of the report's own parts, linked to what they count. */
  counts: DocumentCount[];
  sums: SumClaim[];
  /** The report templates its tables are checked against (shipped, and the user's). */
  templates: Templates;
  tolerance: Tolerance;
  /** The report's inline directives, for the rule that reports unknown rule names in them. */
  directives: Directives;
  /** Each figure as fix-all leaves it (amount-mismatch's `asFixed`): what the rate rules recompute from. */
  asFixed: Input;
  /** Each claim's rate (and stated change amount), recomputed from `asFixed`'s figures: computed once, read by rules and presenters alike. */
  rates: Map<Figure, RateOf>;
  /** `asFixed`, with a total its complete split contradicts read as the parts' sum (sums `asSummed`) and an amount its 绩效自评表 contradicts as the table's (`asTabled`). */
  asSummed: Input;
}

/**
 * What a rule reports: where and what. The runner stamps the rule's id and default severity on
 * it; `severity` is set only by a finding that differs from the default (a note among warnings).
 */
export type Found = Omit<Finding, 'rule' | 'severity'> & { severity?: Severity };

/**
 * A rule is data plus one function, as markdownlint's are: the docs pages' headers, the README's
 * rules table, the `gouji.rules` setting, the config schema and SARIF are generated from the data
 * (scripts/rules-docs.mjs; test/unit/rules-docs.test.ts fails when one drifts).
 */
export interface Rule {
  id: string;
  /** The default severity; the user's config may change it. 'off': reported only when the config turns it on. */
  severity: Severity | 'off';
  /** What the rule is about, for grouping: e.g. `arithmetic`, `rate`, `link`, `table`, `wording`, `template`, `format`. */
  tags: readonly string[];
  /** One line: what the rule finds. */
  description: Message;
  check(context: Context): Found[];
}
