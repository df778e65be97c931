// The large reports the benchmarks check (bench.ts and versus.ts): the markdown fixtures bound
// together, as many times as a size takes.

/** The fixtures of markdown reports (the others are PDF text), whose copies make a binder. */
export const MARKDOWN_FIXTURES = ['000_68829c0b624b4a3b.txt', '001_6a62bd9b783e40ec.txt', '003_a0c01ccc9db781f0.txt'];

/**
 * A report of about `size` MB: the three fixtures again and again, as the departments of one
 * binder — each copy under its own part heading, with its 项 subject codes renumbered (the
 * same way throughout the copy, so that its tables still add up) so that no two copies are
 * the same text.
 */
export function binder(reports: string[], size: number): string {
  const parts: string[] = [];
  let bytes = 0;
  for (let copy = 0; bytes < size * 1024 * 1024; copy++) {
    const item = (code: string) => code.slice(0, 5) + String((Number(code.slice(5)) + copy) % 100).padStart(2, '0');
    const report = reports[copy % reports.length]!.replace(/(?<![\d.,])2[0-3]\d{5}(?![\d.,])/g, item);
    const part = `## 第${copy + 1}部分 所属单位${copy + 1}\n\n${report}\n\n`;
    parts.push(part);
    bytes += Buffer.byteLength(part);
  }
  return parts.join('');
}
