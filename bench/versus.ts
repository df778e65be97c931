// Side by side: this checkout's engine against other checkouts' (e.g. worktrees at older
// commits), timed in turn in one process so that the machine's noise hits all alike.
//   node --import tsx bench/versus.ts CHECKOUT... [--runs N] [--read] [--mb 1,10] [FIXTURE...]
// Bundles src/core of each into dist/versus/ (esbuild, as esbuild.mjs does), then for each
// report of test/fixtures/reports (or those named; with --mb, binders of the markdown fixtures
// of those sizes, as bench.ts makes them) runs each engine in turn, the order turned every
// round, and prints the medians and this one's ratio to the first checkout's. --read times readReport instead of check. Times are
// the process's CPU time (user + system), not the clock's: on a shared machine the clock also
// counts the time other processes had the core.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { build } from 'esbuild';
import { binder, MARKDOWN_FIXTURES } from './binder';

type Engine = { name: string; check: (text: string) => unknown; readReport: (text: string) => unknown };

const args = process.argv.slice(2);
const take = (name: string, values = 0): string[] | null => (args.includes(name) ? args.splice(args.indexOf(name), 1 + values).slice(1) : null);
const runs = Number(take('--runs', 1)?.[0] ?? 21);
const readOnly = take('--read') !== null;
const sizes = take('--mb', 1)?.[0]?.split(',').map(Number) ?? [];
const others = args.filter((a) => existsSync(a) && statSync(a).isDirectory());
const only = args.filter((a) => !others.includes(a));
if (!others.length) throw new Error('usage: node --import tsx bench/versus.ts CHECKOUT... [--runs N] [--read] [--mb 1,10] [FIXTURE...]');

const here = join(__dirname, '..');
/** check and readReport of the checkout at `root`, bundled into one CommonJS file. */
async function engine(root: string, name: string): Promise<Engine> {
  const outfile = join(here, 'dist', 'versus', `${name}.cjs`);
  await build({
    stdin: { contents: "export { check } from './src/core/check'; export { readReport } from './src/core/report';", resolveDir: root, loader: 'ts' },
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', mainFields: ['module', 'main'], logLevel: 'warning', outfile,
  });
  return { name, ...(require(outfile) as Omit<Engine, 'name'>) };
}

async function main(): Promise<void> {
  const engines: Engine[] = [];
  for (const other of others) engines.push(await engine(resolve(other), basename(resolve(other))));
  engines.push(await engine(here, 'this'));
  const fixtures = join(here, 'test', 'fixtures', 'reports');
  const read = (file: string) => readFileSync(join(fixtures, basename(file)), 'utf8');
  const reports: [string, string][] = sizes.length
    ? sizes.map((mb) => [`binder ${mb} MB`, binder(MARKDOWN_FIXTURES.map(read), mb)])
    : (only.length ? only : readdirSync(fixtures).sort()).map((file) => [basename(file), read(file)]);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const f = (n: number) => n.toFixed(1).padStart(7);

  console.log(`${readOnly ? 'readReport' : 'check'}: median CPU ms of ${runs} alternating runs (3 warm-up each)\n`);
  console.log(`| report | ${engines.map((e) => e.name).join(' | ')} | this ÷ ${engines[0]!.name} |`);
  console.log(`| --- |${' ---: |'.repeat(engines.length + 1)}`);
  for (const [name, text] of reports) {
    const ms: number[][] = engines.map(() => []);
    for (let i = -Math.min(3, runs); i < runs; i++) {
      // The order turned every round, so that no engine always runs after the same one (and its garbage).
      const n = engines.length;
      for (const k of engines.map((_, j) => (j + i + n * 3) % n)) {
        const t = process.cpuUsage();
        if (readOnly) engines[k]!.readReport(text);
        else engines[k]!.check(text);
        const { user, system } = process.cpuUsage(t);
        if (i >= 0) ms[k]!.push((user + system) / 1000);
      }
    }
    const medians = ms.map(median);
    console.log(`| ${name.slice(0, 26)} | ${medians.map(f).join(' | ')} | ${(medians[medians.length - 1]! / medians[0]!).toFixed(2)} |`);
  }
}

void main();
