// Benchmarks (not tests): they print numbers. Run with `npm run bench`.
// check() on each fixture and on 1–10 MB reports, side by side with a bare remark parse and
// markdownlint on the same text, the per-keystroke re-check, and memory on 10 MB.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from 'markdownlint/sync';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { check } from '../src/core/check';

const FIXTURES = join(__dirname, '..', 'test', 'fixtures', 'reports');
const names = ['000_68829c0b624b4a3b.txt', '001_6a62bd9b783e40ec.txt', '003_a0c01ccc9db781f0.txt'];
const reports = names.map((n) => readFileSync(join(FIXTURES, n), 'utf8'));
const mb = (s: string) => Buffer.byteLength(s) / 1024 / 1024;

function time(fn: () => void, runs: number, warmup = 3): { p50: number; p95: number } {
  for (let i = 0; i < warmup; i++) fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { p50: ms[Math.floor(runs / 2)]!, p95: ms[Math.min(runs - 1, Math.ceil(runs * 0.95) - 1)]! };
}

const f = (n: number) => n.toFixed(1).padStart(8);
const remark = unified().use(remarkParse).use(remarkGfm);
const row = (...cells: string[]) => console.log(cells.join(' | '));

console.log(`Gouji benchmarks — node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
console.log('\ncheck() per fixture (ms, 20 runs after warm-up)');
row('file'.padEnd(26), '     p50', '     p95', '    MB/s', ' remark p50', ' ×remark', ' markdownlint p50', ' ×mdlint');
reports.forEach((text, i) => {
  const c = time(() => check(text), 20);
  const r = time(() => remark.parse(text), 20);
  const m = time(() => lint({ strings: { report: text } }), 10);
  row(names[i]!.padEnd(26), f(c.p50), f(c.p95), f(mb(text) / (c.p50 / 1000)), f(r.p50).padStart(11), f(c.p50 / r.p50), f(m.p50).padStart(17), f(c.p50 / m.p50));
});

// Larger reports: the three fixtures one after another, as a reviewer's binder of reports.
console.log('\ncheck() on larger reports (ms, median of 3): linear if MB/s stays flat');
row('size', '     p50', '    MB/s', ' remark p50');
const binder = reports.join('\n\n');
for (const size of [1, 2, 5, 10]) {
  const text = binder.repeat(Math.ceil((size * 1024 * 1024) / Buffer.byteLength(binder)));
  const c = time(() => check(text), 3, 1);
  const r = time(() => remark.parse(text), 3, 1);
  row(`${mb(text).toFixed(1)} MB`.padEnd(4), f(c.p50), f(mb(text) / (c.p50 / 1000)), f(r.p50).padStart(11));
}

// What the editor does per keystroke: one character typed in the middle, then a check.
console.log('\nre-check after a one-character edit in the middle of fixture 000 (ms, 30 edits)');
const base = reports[0]!;
let n = 0;
const edit = time(() => {
  const at = Math.floor(base.length / 2) + (n++ % 50);
  check(base.slice(0, at) + '1' + base.slice(at));
}, 30);
row('p50', f(edit.p50), 'p95', f(edit.p95));

console.log('\nmemory on 10 MB');
const ten = binder.repeat(Math.ceil((10 * 1024 * 1024) / Buffer.byteLength(binder)));
global.gc?.();
const before = process.memoryUsage();
const result = check(ten);
const after = process.memoryUsage();
row('rss MB', f(after.rss / 2 ** 20), 'heap used MB', f(after.heapUsed / 2 ** 20), 'heap growth MB', f((after.heapUsed - before.heapUsed) / 2 ** 20), `findings ${result.findings.length}`);
