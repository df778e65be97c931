// Every rule, in one list: adding a rule is its file, one line here, its docs body and its test;
// the rest (docs headers, README table, settings, schema, SARIF) is generated from the list.
import { amountMismatch } from './amount-mismatch';
import { amountUnlinked } from './amount-unlinked';
import { badDirective } from './bad-directive';
import { changeMismatch } from './change-mismatch';
import { changesSum } from './changes-sum';
import { completionMismatch } from './completion-mismatch';
import { countMismatch } from './count-mismatch';
import { departmentName } from './department-name';
import { directionWord } from './direction-word';
import { documentCount } from './document-count';
import { malformedNumber } from './malformed-number';
import { partsSum } from './parts-sum';
import { percentSign } from './percent-sign';
import { performanceMismatch } from './performance-mismatch';
import { placeholder } from './placeholder';
import { repeatedCount } from './repeated-count';
import { repeatedFigure } from './repeated-figure';
import { reportYear } from './report-year';
import type { Rule } from './rule';
import { shareMismatch } from './share-mismatch';
import { sharesSum } from './shares-sum';
import { tableIdentity } from './table-identity';
import { trendWord } from './trend-word';
import { truncatedCode } from './truncated-code';
import { unitMismatch } from './unit-mismatch';
import { unplacedRow } from './unplaced-row';
import { vehicleCount } from './vehicle-count';
import { zeroBaseRate } from './zero-base-rate';

export const rules: readonly Rule[] = [
  malformedNumber,
  amountMismatch,
  countMismatch,
  performanceMismatch,
  amountUnlinked,
  unitMismatch,
  shareMismatch,
  sharesSum,
  changeMismatch,
  completionMismatch,
  partsSum,
  changesSum,
  repeatedFigure,
  repeatedCount,
  vehicleCount,
  documentCount,
  zeroBaseRate,
  directionWord,
  trendWord,
  percentSign,
  reportYear,
  placeholder,
  departmentName,
  tableIdentity,
  truncatedCode,
  unplacedRow,
  badDirective,
];

export type { Rule };

/** Where the project lives: SARIF's informationUri, and the base of every rule's docs URL. */
export const HOMEPAGE = 'https://github.com/gouji/gouji';

/** A rule's documentation page (as markdownlint's `information`). */
export const docsUrl = (id: string) => `${HOMEPAGE}/blob/main/docs/rules/${id}.md`;
