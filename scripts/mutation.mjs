// Injected errors, drawn as ../shared/eval/mutate.mjs draws them (same candidates, same
// pseudo-random order, same number per kind), so that `npm run accuracy` and
// scripts/mutants.mjs measure the very mutants the eval does. Shared by both scripts.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const swaps = { 增加: '减少', 减少: '增加', 增长: '下降', 下降: '增长', 大于: '小于', 小于: '大于', 等于: '大于', 持平: '增加', 一致: '不一致' };

/** A wrong value far outside any rounding interval, written in the same style. (A float is fine here: it only has to be wrong.) */
function mutateNumber(text) {
  const m = text.match(/^(.*?)(\d[\d,，\s]*)(?:([.．])\s*(\d+))?(%?)$/);
  if (!m) return null;
  const [, pre, int, , frac = '', pctSign] = m;
  const digits = int.replace(/[^\d]/g, '');
  const v = Number(digits + '.' + (frac || '0'));
  const nv = pctSign ? v + (v >= 50 ? -3.37 : 2.41) : v * 1.013 + 1.7;
  if (!(nv > 0)) return null;
  let s = nv.toFixed(frac.length);
  if (/[,，]/.test(int)) s = s.replace(/^(\d+)/, (d) => d.replace(/\B(?=(\d{3})+$)/g, ','));
  return pre + s + pctSign;
}

/**
 * `perKind` mutants per claim kind: one figure the key calls right made wrong (or a direction
 * word swapped), in file-name order of the keys, shuffled with the eval's generator from `seed`.
 */
export function drawMutants(keys, reportsDir, { seed = 7, perKind = 25 } = {}) {
  let rng = seed;
  const rand = () => ((rng = (rng * 1103515245 + 12345) % 2147483648) / 2147483648);
  const candidates = [];
  for (const key of keys) {
    const lines = readFileSync(join(reportsDir, key.file), 'utf8').split('\n');
    for (const c of key.claims) {
      if (c.verdict !== 'ok') continue;
      const line = lines[c.line - 1] ?? '';
      const q = line.indexOf(c.quote);
      const at = q < 0 ? -1 : line.indexOf(c.number, q);
      if (at < 0) continue;
      let repl = null;
      if (c.kind === 'direction') repl = swaps[c.number] ?? null;
      else if (['share', 'change-rate', 'completion-rate', 'value', 'change-amount', 'sum'].includes(c.kind) && c.source) repl = mutateNumber(c.number);
      if (!repl || repl === c.number) continue;
      candidates.push({ file: key.file, kind: c.kind, line: c.line - 1, at, len: repl.length, orig: c.number, repl, lines, claim: c });
    }
  }
  const byKind = {};
  for (const m of candidates.sort(() => rand() - 0.5)) (byKind[m.kind] ??= []).length < perKind && byKind[m.kind].push(m);
  return Object.values(byKind).flat();
}

/** Each mutant written as a copy of its report in `dir`; the paths, in the mutants' order. */
export function writeMutants(mutants, dir) {
  return mutants.map((m, i) => {
    const lines = m.lines.slice();
    lines[m.line] = lines[m.line].slice(0, m.at) + m.repl + lines[m.line].slice(m.at + m.orig.length);
    const path = join(dir, `m${i}-${m.file}`);
    writeFileSync(path, lines.join('\n'));
    return path;
  });
}

/** Whether an LSP range covers the mutated text. */
export const covers = (r, m) => r.start.line <= m.line && r.end.line >= m.line &&
  (r.start.line < m.line || r.start.character < m.at + m.len) && (r.end.line > m.line || r.end.character > m.at);
