// Every finding on every real report, compared with a committed snapshot
// (test/fixtures/snapshots/<report>.txt, one line per finding), so that no new false alarm
// and no lost catch slips in unreviewed. When the engine changes what it finds, this fails with
// the lines that appeared and disappeared; review them against the report, then regenerate:
//   npm run snapshots:update        (or GOUJI_UPDATE_SNAPSHOTS=1 npm run test:unit -- -g snapshot)
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../../src/core/check';
import type { Finding } from '../../src/core/finding';
import { LineIndex } from '../../src/core/text';
import { fixture, FIXTURES } from '../helpers';

const SNAPSHOTS = join(__dirname, '..', 'fixtures', 'snapshots');
const UPDATE = process.env.GOUJI_UPDATE_SNAPSHOTS === '1';
const HOW_TO_UPDATE = 'npm run snapshots:update (or GOUJI_UPDATE_SNAPSHOTS=1 npm run test:unit -- -g snapshot)';

/** Text on one line, cut to `max` characters: a finding's span can be a whole heading. */
function oneLine(s: string, max = Infinity): string {
  const flat = s.replace(/\r?\n/g, '⏎').replace(/\t/g, '⇥');
  return flat.length > max ? flat.slice(0, max) + '…' : flat;
}

/** line:column (1-based) severity rule 「stated」 message (zh) | expected … | fix 「old」→「new」 */
function findingLine(text: string, lines: LineIndex, f: Finding): string {
  const { line, character } = lines.position(f.start);
  const parts = [`${line + 1}:${character + 1} ${f.severity} ${f.rule} 「${oneLine(text.slice(f.start, f.end), 40)}」 ${oneLine(f.message.zh)}`];
  if (f.expected !== null) parts.push(`expected ${oneLine(f.expected)}`);
  if (f.fix) parts.push(`fix 「${oneLine(text.slice(f.fix.start, f.fix.end))}」→「${oneLine(f.fix.newText)}」`);
  return parts.join(' | ');
}

function snapshot(name: string): string {
  const text = fixture(name);
  const lines = new LineIndex(text);
  const { findings } = check(text);
  return [
    `# check() on test/fixtures/reports/${name}: ${findings.length} findings, one a line:`,
    '# line:column severity rule 「stated」 message (zh) | expected … | fix 「old」→「new」',
    `# Review every change against the report, then regenerate: ${HOW_TO_UPDATE}`,
    ...findings.map((f) => findingLine(text, lines, f)),
    '',
  ].join('\n');
}

/** The lines only in `a`, counted (a finding can repeat on one report). */
function missingFrom(a: string[], b: string[]): string[] {
  const left = new Map<string, number>();
  for (const l of b) left.set(l, (left.get(l) ?? 0) + 1);
  return a.filter((l) => {
    const n = left.get(l) ?? 0;
    if (n > 0) left.set(l, n - 1);
    return n === 0;
  });
}

describe('snapshot: every finding on every real report', () => {
  const reports = readdirSync(FIXTURES).filter((f) => f.endsWith('.txt')).sort();
  it('has a snapshot for each report and none for a report that is gone', () => {
    if (UPDATE) return;
    const snaps = existsSync(SNAPSHOTS) ? readdirSync(SNAPSHOTS).filter((f) => f.endsWith('.txt')).sort() : [];
    assert.deepEqual(snaps, reports, `snapshots in test/fixtures/snapshots/ should match test/fixtures/reports/; regenerate: ${HOW_TO_UPDATE}`);
  });

  for (const name of reports) {
    it(name, () => {
      const actual = snapshot(name);
      const file = join(SNAPSHOTS, name);
      if (UPDATE) {
        mkdirSync(SNAPSHOTS, { recursive: true });
        writeFileSync(file, actual);
        return;
      }
      assert.ok(existsSync(file), `no snapshot ${file}; create it: ${HOW_TO_UPDATE}`);
      const expected = readFileSync(file, 'utf8');
      if (actual === expected) return;
      const now = actual.split('\n').filter((l) => l && !l.startsWith('#'));
      const before = expected.split('\n').filter((l) => l && !l.startsWith('#'));
      const added = missingFrom(now, before);
      const gone = missingFrom(before, now);
      assert.fail(
        [
          `the findings on ${name} changed (${added.length} new, ${gone.length} gone):`,
          ...added.map((l) => `+ ${l}`),
          ...gone.map((l) => `- ${l}`),
          ...(added.length || gone.length ? [] : ['(same findings, in another order or with another header)']),
          `Review each against the report; if every change is right: ${HOW_TO_UPDATE}`,
        ].join('\n'),
      );
    });
  }
});
