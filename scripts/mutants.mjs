#!/usr/bin/env node
// The mutants of ../shared/eval/mutate.mjs one by one: the same sampling (same seed and order),
// and for each mutant the report, line, what changed, whether a warning landed on it, what the
// checker read there (the figure's kind, state and source) and every warning it caused on other
// figures. Run after `npm run build`.
// usage: node scripts/mutants.mjs [--kind share] [--missed] [--extra] [--per-kind N] [--seed S]
import { readFileSync, readdirSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';

const args = process.argv.slice(2);
const opt = (n, d) => { const i = args.indexOf(n); return i < 0 ? d : args.splice(i, 2)[1]; };
const shared = resolve('..', 'shared');
const goldDir = join(shared, 'eval', 'gold');
const seedsDir = join(shared, 'fixtures');
const perKind = Number(opt('--per-kind', '25'));
const onlyKind = opt('--kind', null);
const onlyMissed = args.includes('--missed');
const onlyExtra = args.includes('--extra');
let rng = Number(opt('--seed', '7'));
const rand = () => ((rng = (rng * 1103515245 + 12345) % 2147483648) / 2147483648);

// Copied from mutate.mjs so that the sample is the same one.
const swaps = { 增加: '减少', 减少: '增加', 增长: '下降', 下降: '增长', 大于: '小于', 小于: '大于', 等于: '大于', 持平: '增加', 一致: '不一致' };
function mutateNumber(text) {
  const m = text.match(/^(.*?)(\d[\d,，\s]*)(?:([.．])\s*(\d+))?(%?)$/);
  if (!m) return null;
  const [, pre, int, , frac = '', pct] = m;
  const digits = int.replace(/[^\d]/g, '');
  const v = Number(digits + '.' + (frac || '0'));
  const nv = pct ? v + (v >= 50 ? -3.37 : 2.41) : v * 1.013 + 1.7;
  if (!(nv > 0)) return null;
  let s = nv.toFixed(frac.length);
  if (/[,，]/.test(int)) s = s.replace(/^(\d+)/, (d) => d.replace(/\B(?=(\d{3})+$)/g, ','));
  return pre + s + pct;
}

const mutants = [];
for (const f of readdirSync(goldDir).filter((x) => x.endsWith('.json'))) {
  const g = JSON.parse(readFileSync(join(goldDir, f), 'utf8'));
  const text = readFileSync(join(seedsDir, g.file), 'utf8');
  const lines = text.split('\n');
  for (const c of g.claims) {
    if (c.verdict !== 'ok') continue;
    const line = lines[c.line - 1] ?? '';
    const q = line.indexOf(c.quote); const at = q < 0 ? -1 : line.indexOf(c.number, q);
    if (at < 0) continue;
    let repl = null; const kind = c.kind;
    if (kind === 'direction') repl = swaps[c.number] ?? null;
    else if (['share', 'change-rate', 'completion-rate', 'value', 'change-amount', 'sum'].includes(kind) && c.source) repl = mutateNumber(c.number);
    if (!repl || repl === c.number) continue;
    mutants.push({ file: g.file, kind, line: c.line - 1, at, len: repl.length, orig: c.number, repl, lines, claim: c });
  }
}
const byKind = {};
for (const m of mutants.sort(() => rand() - 0.5)) (byKind[m.kind] ??= []).length < perKind && byKind[m.kind].push(m);
const chosen = Object.values(byKind).flat();

const dir = mkdtempSync(join(tmpdir(), 'gouji-mutants-'));
const files = chosen.map((m, i) => {
  const ls = m.lines.slice();
  ls[m.line] = ls[m.line].slice(0, m.at) + m.repl + ls[m.line].slice(m.at + m.orig.length);
  const p = join(dir, `m${i}-${m.file}`);
  writeFileSync(p, ls.join('\n'));
  return p;
});
function run(paths) {
  let out;
  try { out = execFileSync('node', ['bin/gouji.js', 'check', '--format', 'json', ...paths], { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] }); }
  catch (e) { out = e.stdout || '{}'; }
  return JSON.parse(out).files || [];
}
const serious = (d) => d.severity === 'error' || d.severity === 'warning';
// A warning is the fixture's own when the fixture has one of its rule on its line (a mutant
// changes one line, so columns after the change move).
const key = (d) => `${d.code}@${d.range.start.line}`;
const baseline = {};
for (const r of run([...new Set(chosen.map((m) => join(seedsDir, m.file)))])) baseline[r.path.split('/').pop()] = new Set(r.diagnostics.filter(serious).map(key));
const results = run(files);
const covers = (r, m) => r.start.line <= m.line && r.end.line >= m.line &&
  (r.start.line < m.line || r.start.character < m.at + m.len) && (r.end.line > m.line || r.end.character > m.at);
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
