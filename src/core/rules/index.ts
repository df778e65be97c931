// Every rule, in one list: adding a rule is one file plus one line here.
import { changeMismatch } from './change-mismatch';
import { completionMismatch } from './completion-mismatch';
import { directionWord } from './direction-word';
import { malformedNumber } from './malformed-number';
import type { Rule } from './rule';
import { shareMismatch } from './share-mismatch';
import { zeroBaseRate } from './zero-base-rate';

export const rules: readonly Rule[] = [malformedNumber, shareMismatch, changeMismatch, completionMismatch, zeroBaseRate, directionWord];

export type { Rule };
