// What a check finds: everything a presenter (CLI, SARIF, editor) needs, computed once.

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A message in both languages the product speaks. */
export interface Message {
  zh: string;
  en: string;
}

export type Lang = keyof Message;

/** A text edit that writes the right figure in the author's own format. */
export interface Fix {
  start: number;
  end: number;
  newText: string;
}

/** A finding the author must act on (a warning or an error): what Problems, exit codes and counts mean by a problem. */
export const isSerious = (f: { severity: Severity }) => f.severity === 'error' || f.severity === 'warning';

export interface Related {
  start: number;
  end: number;
  message: Message;
}

export interface Finding {
  rule: string;
  severity: Severity;
  /** Offsets of the stated figure (or word) that is wrong. */
  start: number;
  end: number;
  message: Message;
  /** The figure as it should be written, when it can be computed. */
  expected: string | null;
  related: Related[];
  fix: Fix | null;
  /** For rates: every value the rounding of the figures used allows, in percent. */
  interval?: { lo: string; hi: string };
}
