// Every rule, in one list: adding a rule is one file plus one line here.
import { malformedNumber } from './malformed-number';
import type { Rule } from './rule';

export const rules: readonly Rule[] = [malformedNumber];

export type { Rule };
