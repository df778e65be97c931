#!/usr/bin/env node
// `npm run accuracy`: how well Gouji checks the development reports, measured against their
// answer keys (test/accuracy/keys/, one per report in test/fixtures/reports/). A measurement,
// not a test: it prints numbers and exits 0.
//
// Two measures, with the same definitions (and so the same figures) as the eval scripts the
// keys come with:
// - per report and TOTAL: recall (key errors with a warning or error on the figure itself),
//   false positives (figures the key calls right that get one), linked right (value claims
//   whose `source` cell holds the value the key names), other warnings (on no key entry and no
//   recorded table issue);
// - fix-all: `check --fix` on a copy of each report; how many fixes land on figures the key
//   calls right (each one "corrects" a right figure: it must be 0), and on the key's errors;
// - mutation recall per claim kind: one wrong figure (or swapped direction word) injected into
//   a copy of a report at a claim the key calls right, 25 copies per kind; a warning on that
//   figure is a catch, any new warning elsewhere counts as extra.
// Both read `node bin/gouji.js check --format json` (files[].figures[].source, diagnostics),
// so build first (`npm run accuracy` does).
//
// usage: node scripts/accuracy.mjs [--verbose] [--links] [--no-mutants] [report-name-prefix...]
//   --verbose     every missed key error and every false alarm (and every missed mutant)
//   --links       every value claim not linked to the cell the key names
//   --no-mutants  only the per-report figures (the mutants take about half a minute)
import { readFileSync, readdirSync, writeFileSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { join, basename, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { covers, drawMutants, writeMutants } from './mutation.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const keysDir = join(root, 'test', 'accuracy', 'keys');
const reportsDir = join(root, 'test', 'fixtures', 'reports');
const cli = [process.execPath, join(root, 'bin', 'gouji.js'), 'check', '--format', 'json'];

const args = process.argv.slice(2);
const flag = (name) => { const i = args.indexOf(name); if (i < 0) return false; args.splice(i, 1); return true; };
const verbose = flag('--verbose');
const showLinks = flag('--links');
const mutants = !flag('--no-mutants');
const only = args;

if (!existsSync(join(root, 'dist', 'cli.js'))) {
  console.error('dist/cli.js is missing: run `npm run build` first (or `npm run accuracy`, which builds).');
  process.exit(0);
}

/** The keys, in file-name order (as readdirSync gives them). */
const keys = readdirSync(keysDir).filter((f) => f.endsWith('.json')).sort()
  .map((f) => JSON.parse(readFileSync(join(keysDir, f), 'utf8')));

/** The CLI's JSON report on some files; it exits non-zero when it finds problems, stdout still holds the report. */
function checkFiles(paths) {
  try {
    return JSON.parse(execFileSync(cli[0], [...cli.slice(1), ...paths], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] }));
  } catch (e) {
    if (e.stdout) { try { return JSON.parse(e.stdout); } catch { /* fall through */ } }
    return { error: String(e.message).split('\n')[0] };
  }
}

const serious = (d) => d.severity === 'error' || d.severity === 'warning';
const pos = (p) => p.line * 1e6 + p.character;
/** Whether a range touches [a, b) on a line (an empty range: whether it lies within [a, b]). */
const overlaps = (r, line, a, b) => {
  const s = pos(r.start), e = pos(r.end), A = line * 1e6 + a, B = line * 1e6 + b;
  return s === e ? s >= A && s <= B : s < B && e > A;
};
const pct = (a, b) => (b ? ((100 * a) / b).toFixed(1) + '%' : 'n/a');

// ---------- per report: recall, false positives, linked right, other warnings ----------------

function scoreReport(key) {
  const file = join(reportsDir, key.file);
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  const rep = checkFiles([file]);
  const fileRep = rep.files ? rep.files[0] : null;
  const diags = fileRep ? fileRep.diagnostics || [] : [];
  const figures = fileRep ? fileRep.figures || [] : [];
  const t = { report: basename(key.file, '.txt'), errors: 0, caught: 0, oks: 0, falsePos: 0, linkable: 0, linkedRight: 0, unmatched: 0, figures: figures.length, missed: [], fps: [], linkMiss: [], runError: rep.error };
  const used = new Set();
  for (const c of key.claims) {
    const ln = c.line - 1;
    const text = lines[ln] ?? '';
    const q = text.indexOf(c.quote);
    const n = q < 0 ? -1 : text.indexOf(c.number, q);
    if (n < 0) continue;
    const a = n, b = n + c.number.length;
    const hits = diags.filter((d) => serious(d) && overlaps(d.range, ln, a, b));
    hits.forEach((d) => used.add(d));
    if (c.verdict === 'error') {
      t.errors++;
      if (hits.length) t.caught++; else t.missed.push(`${c.line}: ${c.quote} (${c.kind}; ${c.why})`);
    } else if (c.verdict === 'ok') {
      t.oks++;
      if (hits.length) { t.falsePos++; t.fps.push(`${c.line}: ${c.quote} <- ${hits.map((h) => h.code + ': ' + h.message).join(' | ')}`); }
    }
    // a value claim restating a cell: is the figure linked to a cell holding the key's value?
    if (c.kind === 'value' && c.verdict !== 'unverifiable' && c.source && !String(c.source).startsWith('derived')) {
      t.linkable++;
      const f = figures.find((fg) => fg.range && overlaps(fg.range, ln, a, b));
      if (f && f.source) {
        const want = String(c.source).replace(/\s+/g, '');
        const val = String(f.source.value ?? '').replace(/[\s,，]/g, '');
        if (val && want.replace(/,/g, '').includes(val)) t.linkedRight++;
        else t.linkMiss.push(`${c.line}: ${c.quote} -> linked to ${f.source.table ?? '?'} / ${f.source.row ?? '?'} / ${f.source.column ?? '?'} = ${f.source.value}; key: ${c.source}`);
      } else t.linkMiss.push(`${c.line}: ${c.quote} -> ${f ? 'not linked' : 'not read as a figure'}; key: ${c.source}`);
    }
  }
  // a warning on a recorded table issue (a broken sum, a malformed cell) is not noise
  for (const ti of key.table_issues ?? []) {
    const ln = ti.line - 1, text = lines[ln] ?? '', q = ti.quote ? text.indexOf(ti.quote) : 0;
    const a = Math.max(0, q), b = q < 0 ? text.length : q + (ti.quote ?? text).length;
    diags.filter((d) => serious(d) && overlaps(d.range, ln, a, b)).forEach((d) => used.add(d));
  }
  t.unmatched = diags.filter((d) => serious(d) && !used.has(d)).length;
  return t;
}

const total = { errors: 0, caught: 0, oks: 0, falsePos: 0, linkable: 0, linkedRight: 0, unmatched: 0 };
for (const key of keys.filter((k) => only.length === 0 || only.some((o) => k.file.startsWith(o)))) {
  const t = scoreReport(key);
  for (const k of Object.keys(total)) total[k] += t[k];
  console.log(`${t.report}: recall ${t.caught}/${t.errors} (${pct(t.caught, t.errors)}), false positives ${t.falsePos}/${t.oks}, linked right ${t.linkedRight}/${t.linkable}, other warnings (on no key entry) ${t.unmatched}, figures ${t.figures}${t.runError ? ', RUN ERROR: ' + t.runError : ''}`);
  if (verbose) {
    for (const m of t.missed) console.log('  missed  ' + m);
    for (const f of t.fps) console.log('  falsepos ' + f);
  }
  if (showLinks) for (const l of t.linkMiss) console.log('  link    ' + l);
}
console.log(`TOTAL: recall ${total.caught}/${total.errors} (${pct(total.caught, total.errors)}), false positives ${total.falsePos}/${total.oks} (${pct(total.falsePos, total.oks)}), linked right ${total.linkedRight}/${total.linkable} (${pct(total.linkedRight, total.linkable)}), other warnings ${total.unmatched}`);

// ---------- mutation recall per claim kind -----------------------------------------------------

function mutationRecall() {
  const chosen = drawMutants(keys, reportsDir);
  const dir = mkdtempSync(join(tmpdir(), 'gouji-mut-'));
  try {
    const files = writeMutants(chosen, dir);
    const filesOf = (paths) => checkFiles(paths).files || [];
    const baseline = {};
    for (const r of filesOf([...new Set(chosen.map((m) => join(reportsDir, m.file)))])) baseline[r.path.split('/').pop()] = (r.diagnostics || []).filter(serious).length;
    const results = filesOf(files);
    const stats = {};
    chosen.forEach((m, i) => {
      const r = results.find((x) => x.path === files[i] || x.path.endsWith(files[i].split('/').pop())) || { diagnostics: [] };
      const ds = (r.diagnostics || []).filter(serious);
      const hit = ds.some((d) => covers(d.range, m));
      const s = (stats[m.kind] ??= { n: 0, caught: 0, extra: 0, missed: [] });
      s.n++; if (hit) s.caught++; else s.missed.push(`${m.file}:${m.line + 1} ${m.orig}→${m.repl}`);
      s.extra += Math.max(0, ds.length - (hit ? 1 : 0) - (baseline[m.file] ?? 0));
    });
    return stats;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------- fix-all: does any fix change a figure the key calls right? ------------------------

/** `check --fix` on a copy of the report: each fix it reports (stderr), against the key's claims there. */
function fixAll(key) {
  const dir = mkdtempSync(join(tmpdir(), 'gouji-fix-'));
  try {
    const copy = join(dir, basename(key.file));
    writeFileSync(copy, readFileSync(join(reportsDir, key.file)));
    // stderr whatever the exit code (a report with no warning exits 0).
    const stderr = spawnSync(cli[0], [cli[1], 'check', '--fix', '--lang', 'en', '--format', 'json', copy], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'ignore', 'pipe'] }).stderr ?? '';
    const lines = readFileSync(join(reportsDir, key.file), 'utf8').split(/\r?\n/);
    const t = { report: basename(key.file, '.txt'), fixes: 0, onRight: 0, onErrors: 0, asKey: 0, elsewhere: 0, wrongFixes: [] };
    for (const m of stderr.matchAll(/^.*:(\d+):(\d+): fixed \[([^\]]+)\] (.*) → (.*)$/gm)) {
      const [, line, col, rule, old, written] = m;
      const ln = Number(line) - 1, a = Number(col) - 1, b = a + old.length;
      t.fixes++;
      const claim = key.claims.find((c) => {
        if (c.line - 1 !== ln) return false;
        const q = (lines[ln] ?? '').indexOf(c.quote);
        const n = q < 0 ? -1 : lines[ln].indexOf(c.number, q);
        return n >= 0 && n < b && n + c.number.length > a;
      });
      if (!claim) t.elsewhere++;
      else if (claim.verdict === 'ok') { t.onRight++; t.wrongFixes.push(`${line}: ${claim.quote} <- ${rule}: ${old} → ${written}`); }
      else if (claim.verdict === 'error') {
        t.onErrors++;
        if (claim.expected && String(claim.expected).replace(/[%％\s]/g, '') === written.replace(/[%％\s]/g, '')) t.asKey++;
      } else t.elsewhere++;
    }
    return t;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log('');
console.log('fix-all (check --fix on a copy of each report):');
const fixTotal = { fixes: 0, onRight: 0, onErrors: 0, asKey: 0, elsewhere: 0 };
for (const key of keys.filter((k) => only.length === 0 || only.some((o) => k.file.startsWith(o)))) {
  const t = fixAll(key);
  for (const k of Object.keys(fixTotal)) fixTotal[k] += t[k];
  console.log(`${t.report}: ${t.fixes} fixes, ${t.onRight} on figures the key calls right, ${t.onErrors} on key errors (${t.asKey} writing the key's figure), ${t.elsewhere} on no key figure`);
  if (verbose) for (const w of t.wrongFixes) console.log('  rightfixed ' + w);
}
console.log(`FIXES: ${fixTotal.fixes} fixes, ${fixTotal.onRight} on figures the key calls right, ${fixTotal.onErrors} on key errors (${fixTotal.asKey} writing the key's figure), ${fixTotal.elsewhere} on no key figure`);

if (mutants) {
  console.log('');
  console.log(`mutation recall (one injected error per copy of a report, 25 per kind):`);
  const stats = mutationRecall();
  let n = 0, caught = 0;
  for (const [kind, s] of Object.entries(stats)) {
    n += s.n; caught += s.caught;
    console.log(`${kind}: caught ${s.caught}/${s.n}, extra warnings ${s.extra}`);
    if (verbose) for (const m of s.missed) console.log('  missed  ' + m);
  }
  console.log(`MUTANTS: caught ${caught}/${n} (${n ? ((100 * caught) / n).toFixed(1) : 0}%)`);
}
