#!/usr/bin/env node
// The mutants of `npm run accuracy` (and of ../shared/eval/mutate.mjs: scripts/mutation.mjs
// draws the same ones) one by one: the report, line, what changed, whether a warning landed on
// it, what the checker read there (the figure's kind, state and source) and every warning it
// caused on other figures. Run after `npm run build`.
// usage: node scripts/mutants.mjs [--kind share] [--missed] [--extra] [--per-kind N] [--seed S]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { covers, drawMutants, writeMutants } from './mutation.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const keysDir = join(root, 'test', 'accuracy', 'keys');
const reportsDir = join(root, 'test', 'fixtures', 'reports');
const args = process.argv.slice(2);
const opt = (n, d) => { const i = args.indexOf(n); return i < 0 ? d : args.splice(i, 2)[1]; };
const perKind = Number(opt('--per-kind', '25'));
const onlyKind = opt('--kind', null);
const onlyMissed = args.includes('--missed');
const onlyExtra = args.includes('--extra');
const seed = Number(opt('--seed', '7'));

const keys = readdirSync(keysDir).filter((f) => f.endsWith('.json')).sort().map((f) => JSON.parse(readFileSync(join(keysDir, f), 'utf8')));
const chosen = drawMutants(keys, reportsDir, { seed, perKind });
const dir = mkdtempSync(join(tmpdir(), 'gouji-mutants-'));
const files = writeMutants(chosen, dir);
function run(paths) {
  let out;
  try { out = execFileSync(process.execPath, [join(root, 'bin', 'gouji.js'), 'check', '--format', 'json', ...paths], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] }); }
  catch (e) { out = e.stdout || '{}'; }
  return JSON.parse(out).files || [];
}
const serious = (d) => d.severity === 'error' || d.severity === 'warning';
// A warning is the fixture's own when the fixture has one of its rule on its line (a mutant
// changes one line, so columns after the change move).
const key = (d) => `${d.code}@${d.range.start.line}`;
const baseline = {};
for (const r of run([...new Set(chosen.map((m) => join(reportsDir, m.file)))])) baseline[r.path.split('/').pop()] = new Set(r.diagnostics.filter(serious).map(key));
const results = run(files);
const stats = {};
chosen.forEach((m, i) => {
  const r = results.find((x) => x.path.endsWith(files[i].split('/').pop())) || { diagnostics: [], figures: [] };
  const ds = r.diagnostics.filter(serious);
  const hit = ds.filter((d) => covers(d.range, m));
  const extra = ds.filter((d) => !covers(d.range, m) && !baseline[m.file].has(key(d)));
  const s = (stats[m.kind] ??= { n: 0, caught: 0, extra: 0 });
  s.n++; if (hit.length) s.caught++; s.extra += extra.length;
  if (onlyKind && m.kind !== onlyKind) return;
  if (onlyMissed && hit.length) return;
  if (onlyExtra && !extra.length) return;
  const fig = r.figures.find((f) => covers(f.range, m));
  console.log(`\n${hit.length ? 'CAUGHT' : 'MISSED'} ${m.kind} ${m.file}:${m.line + 1} ${m.orig}→${m.repl}  [${m.claim.source}]`);
  console.log(`  line: ${m.lines[m.line].trim().slice(0, 220)}`);
  console.log(`  figure: ${fig ? `${fig.kind} ${fig.state} source=${fig.source ? JSON.stringify(fig.source).slice(0, 160) : null} computed=${fig.computed ?? null}` : 'none'}`);
  for (const d of hit) console.log(`  hit: ${d.code}: ${d.message.slice(0, 200)}`);
  for (const d of extra) console.log(`  EXTRA ${d.code} line ${d.range.start.line + 1}: ${d.message.slice(0, 200)}`);
});
rmSync(dir, { recursive: true, force: true });
for (const [k, s] of Object.entries(stats)) console.log(`${k}: caught ${s.caught}/${s.n}, extra warnings ${s.extra}`);
