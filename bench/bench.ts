// Benchmarks (not tests): they print numbers. Run with `npm run bench`.
// check() on each fixture and on 1–10 MB reports, side by side with a bare remark parse and
// markdownlint on the same text; the editor's re-check after a one-character edit; memory on
// 10 MB (in a child process, so that its peak is its own); the size of what ships.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { lint } from 'markdownlint/sync';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { check } from '../src/core/check';
import { Checker } from '../src/core/incremental';
import { binder as binderOf, MARKDOWN_FIXTURES } from './binder';

const ROOT = join(__dirname, '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'reports');
const reports = MARKDOWN_FIXTURES.map((n) => readFileSync(join(FIXTURES, n), 'utf8'));
const binder = (size: number) => binderOf(reports, size);
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

const f = (n: number, width = 8) => n.toFixed(1).padStart(width);
const remark = unified().use(remarkParse).use(remarkGfm);
const markdownlint = (text: string) => lint({ strings: { report: text } });
const row = (...cells: string[]) => console.log(`| ${cells.join(' | ')} |`);

/** Run as `bench.ts memory`: check the 10 MB report once and print the memory it took. */
function memory(): void {
  const text = binder(10);
  global.gc?.();
  const before = process.memoryUsage().heapUsed;
  const result = check(text);
  const after = process.memoryUsage().heapUsed;
  // Collected again with the result alive: what it keeps, as against what checking it took.
  global.gc?.();
  const kept = process.memoryUsage().heapUsed;
  console.log(JSON.stringify({ maxRss: process.resourceUsage().maxRSS / 1024, heapUsed: after / 2 ** 20, heapGrowth: (after - before) / 2 ** 20, kept: (kept - before) / 2 ** 20, findings: result.findings.length }));
}

function main(): void {
  console.log(`Gouji benchmarks — node ${process.version}, ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}, ${new Date().toISOString().slice(0, 16)}`);

  console.log('\ncheck() per fixture (ms; 20 runs after 3 warm-up; markdownlint 10 runs)\n');
  row('file', 'KB', 'p50', 'p95', 'MB/s', 'remark p50', '× remark', 'markdownlint p50', '× markdownlint');
  row('---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:');
  reports.forEach((text, i) => {
    const c = time(() => check(text), 20);
    const r = time(() => remark.parse(text), 20);
    const m = time(() => markdownlint(text), 10);
    row(MARKDOWN_FIXTURES[i]!.slice(0, 3), (Buffer.byteLength(text) / 1024).toFixed(0), f(c.p50), f(c.p95), f(mb(text) / (c.p50 / 1000)), f(r.p50), (c.p50 / r.p50).toFixed(2), f(m.p50), (c.p50 / m.p50).toFixed(2));
  });

  // remark and markdownlint take seconds per MB: one run each, and markdownlint only up to 2 MB.
  console.log('\ncheck() on larger reports (ms; check median of 3 after 1 warm-up, remark and markdownlint 1 run): linear if MB/s stays flat\n');
  row('size', 'check p50', 'MB/s', 'remark', '× remark', 'markdownlint', '× markdownlint');
  row('---', '---:', '---:', '---:', '---:', '---:', '---:');
  for (const size of [1, 2, 5, 10]) {
    const text = binder(size);
    const c = time(() => check(text), 3, 1);
    const r = time(() => remark.parse(text), 1, 0);
    const m = size <= 2 ? time(() => markdownlint(text), 1, 0).p50 : null;
    row(`${mb(text).toFixed(1)} MB`, f(c.p50), f(mb(text) / (c.p50 / 1000)), f(r.p50), (c.p50 / r.p50).toFixed(2), m === null ? '—' : f(m), m === null ? '—' : (c.p50 / m).toFixed(2));
  }

  // What the editor does per keystroke: one character typed in the middle of the report, then
  // a check; each edit builds on the previous one, as typing does.
  console.log('\nre-check after a one-character edit in the middle of fixture 000 (ms, 50 edits)\n');
  row('checker', 'p50', 'p95');
  row('---', '---:', '---:');
  const base = reports[0]!;
  for (const [name, checkText] of [
    ['check() from scratch', (text: string) => check(text)],
    ['incremental Checker', ((checker) => (text: string) => checker.check(text))(new Checker())],
  ] as const) {
    let text = base;
    checkText(text);
    let n = 0;
    const edit = time(() => {
      const at = Math.floor(base.length / 2) + n++;
      text = text.slice(0, at) + '1' + text.slice(at);
      checkText(text);
    }, 50);
    row(name, f(edit.p50), f(edit.p95));
  }

  console.log('\nmemory: check() on the 10 MB report, in a fresh process\n');
  const args = ['--expose-gc', '--import', 'tsx', __filename, 'memory'];
  const used = JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8' })) as { maxRss: number; heapUsed: number; heapGrowth: number; kept: number; findings: number };
  let fitsIn200 = 'yes';
  try {
    execFileSync(process.execPath, ['--max-old-space-size=200', ...args], { stdio: 'ignore' });
  } catch {
    fitsIn200 = 'no';
  }
  row('peak RSS MB', 'heap used after check MB', 'heap growth MB', 'kept by the result MB', 'runs with a 200 MB heap limit', 'findings');
  row('---:', '---:', '---:', '---:', '---', '---:');
  row(f(used.maxRss), f(used.heapUsed), f(used.heapGrowth), f(used.kept), fitsIn200, String(used.findings));

  console.log('\nwhat ships\n');
  const size = (path: string) => (existsSync(join(ROOT, path)) ? `${(statSync(join(ROOT, path)).size / 1024).toFixed(0)} KB` : 'not built');
  const shipped = ['dist/extension.js', 'dist/engine.js', 'gouji.vsix'];
  row(...shipped);
  row(...shipped.map(() => '---:'));
  row(...shipped.map(size));

  // Activation: a fresh process each time (the first load is what a user pays), after `npm run build`.
  console.log('\nactivation (dist/extension.js loaded and activate() run, 10 fresh processes; bench/activation.cjs)\n');
  if (!existsSync(join(ROOT, 'dist', 'extension.js'))) return void console.log('not built: run npm run build');
  const runs = Array.from({ length: 10 }, () => JSON.parse(execFileSync(process.execPath, [join(__dirname, 'activation.cjs')], { encoding: 'utf8' })) as { requireMs: number; activateMs: number });
  const total = runs.map((r) => r.requireMs + r.activateMs).sort((a, b) => a - b);
  row('p50 ms', 'p95 ms', 'of which activate() p50 ms');
  row('---:', '---:', '---:');
  row(f(total[5]!), f(total[9]!), f(runs.map((r) => r.activateMs).sort((a, b) => a - b)[5]!));
}

if (process.argv[2] === 'memory') memory();
else main();
