// Every rule, in one list: adding a rule is one file plus one line here.
import { amountMismatch } from './amount-mismatch';
import { amountUnlinked } from './amount-unlinked';
import { badDirective } from './bad-directive';
import { changeMismatch } from './change-mismatch';
import { completionMismatch } from './completion-mismatch';
import { directionWord } from './direction-word';
import { malformedNumber } from './malformed-number';
import { partsSum } from './parts-sum';
import { repeatedFigure } from './repeated-figure';
import type { Rule } from './rule';
import { shareMismatch } from './share-mismatch';
import { sharesSum } from './shares-sum';
import { tableIdentity } from './table-identity';
import { truncatedCode } from './truncated-code';
import { unitMismatch } from './unit-mismatch';
import { zeroBaseRate } from './zero-base-rate';

export const rules: readonly Rule[] = [
  malformedNumber,
  amountMismatch,
  amountUnlinked,
  unitMismatch,
  shareMismatch,
  sharesSum,
  changeMismatch,
  completionMismatch,
  partsSum,
  repeatedFigure,
  zeroBaseRate,
  directionWord,
  tableIdentity,
  truncatedCode,
  badDirective,
];

export type { Rule };
