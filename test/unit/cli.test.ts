// The CLI on real files, as a user runs it: `node bin/gouji.js check …` (after `npm run build`).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES } from '../helpers';

const BIN = join(__dirname, '..', '..', 'bin', 'gouji.js');
const gouji = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' } });

interface Position {
  line: number;
  character: number;
}
interface JsonRange {
  start: Position;
  end: Position;
}

/** LSP range → the substring of `text` it covers. */
function slice(text: string, range: JsonRange): string {
  const lines = text.split('\n');
  const offset = (p: Position) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return text.slice(offset(range.start), offset(range.end));
}

describe('gouji check (CLI)', () => {
  for (const name of ['000_68829c0b624b4a3b.txt', '001_6a62bd9b783e40ec.txt', '003_a0c01ccc9db781f0.txt']) {
    it(`--format json on ${name}: figures and diagnostics whose ranges cover their text`, () => {
      const path = join(FIXTURES, name);
      const run = gouji('check', '--format', 'json', path);
      assert.equal(run.stderr, '');
      const out = JSON.parse(run.stdout);
      assert.equal(out.version, 1);
      const [file] = out.files;
      assert.equal(file.path, path);
      assert.ok(file.figures.length > 100);
      assert.ok(file.tables.some((t: { code: string }) => t.code === '公开01表'));
      const text = readFileSync(path, 'utf8');
      for (const f of file.figures) assert.equal(slice(text, f.range), f.text);
      for (const d of file.diagnostics) assert.ok(slice(text, d.range).length > 0);
      const serious = file.diagnostics.some((d: { severity: string }) => d.severity === 'error' || d.severity === 'warning');
      assert.equal(run.status, serious ? 1 : 0);
    });
  }

  it('finds the prose figures of fixture 001 where a reader sees them', () => {
    const path = join(FIXTURES, '001_6a62bd9b783e40ec.txt');
    const file = JSON.parse(gouji('check', '--format', 'json', path).stdout).files[0];
    const total = file.figures.find((f: { text: string }) => f.text === '7,143,754.56');
    // `2024 年度收入总计 7,143,754.56 元` is on line 389 (1-based) of the file, after `2024 年度收入总计 `.
    assert.deepEqual(total.range.start, { line: 388, character: 12 });
    assert.equal(total.kind, 'amount');
    assert.equal(total.unit, '元');
    // 17.700% follows two different totals, so which it is a rate of is not said: not checked.
    const rate = file.figures.find((f: { text: string }) => f.text === '17.700');
    assert.equal(rate.kind, 'other');
    assert.equal(rate.decimals, 3);
    // 977,136.19 ÷ (6,822,048.75 − 977,136.19) = 16.718% → 16.72%.
    const change = file.figures.find((f: { text: string }) => f.text === '16.72');
    assert.equal(change.kind, 'change-rate');
    assert.equal(change.computed, '16.72');
    // A linked amount carries its source cell, as written in the table.
    const linked = file.figures.find((f: { text: string; source: unknown }) => f.text === '2,473,866.60' && f.source);
    assert.deepEqual({ ...linked.source, range: undefined }, { kind: 'cell', table: '公开05表 一般公共预算财政拨款支出决算表', row: '2101599 其他医疗保障管理事务支出', column: '本年支出合计', text: '2,473,866.60', value: '2473866.60', range: undefined });
    // No cell holds the 绩效 section's `…补助资金共计 147 万元` (line 553): it restates the item's
    // `…其他医疗保障管理事务支出(项)年初预算为 1,470,000.00 元` of line 423, whose reason names the fund.
    type JsonFigure = { text: string; unit: string; range: { start: { line: number } }; source: { relation?: string; range: { start: { line: number } } } | null };
    const funds = file.figures.find((f: JsonFigure) => f.text === '147' && f.range.start.line === 552);
    assert.equal(funds.state, 'agrees');
    assert.equal(funds.computed, '147');
    assert.deepEqual({ ...funds.source, words: undefined }, { kind: 'stated', relation: 'same', text: '1,470,000.00', unit: '元', value: '1470000.00', words: undefined, range: { start: { line: 422, character: 44 }, end: { line: 422, character: 56 } } });
    // The 三公 section's `公务用车保有量为 0 辆` (line 461) is part of the 国有资产 section's `共有车辆 0 辆` (line 491).
    const held = file.figures.find((f: JsonFigure) => f.text === '0' && f.range.start.line === 460 && f.unit === '辆' && f.source);
    assert.equal(held.source.relation, 'part');
    assert.equal(held.source.range.start.line, 490);
  });

  it('reports malformed figures of fixture 000 as diagnostics, exit code 1', () => {
    const path = join(FIXTURES, '000_68829c0b624b4a3b.txt');
    const run = gouji('check', '--format', 'json', path);
    const file = JSON.parse(run.stdout).files[0];
    const text = readFileSync(path, 'utf8');
    const broken = file.diagnostics.filter((d: { range: JsonRange }) => slice(text, d.range) === '1.064.05');
    // Line 149's two broken cells (本年收入合计, 财政拨款收入): one finding for the row, the other cell its related place.
    assert.equal(broken.length, 1);
    assert.equal(broken[0].code, 'malformed-number');
    assert.equal(broken[0].related.length, 1);
    assert.equal(run.status, 1);
  });

  it('writes SARIF 2.1.0 with UTF-16 columns', () => {
    const run = gouji('check', '--format', 'sarif', join(FIXTURES, '000_68829c0b624b4a3b.txt'));
    const sarif = JSON.parse(run.stdout);
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.runs[0].columnKind, 'utf16CodeUnits');
    assert.ok(sarif.runs[0].results.some((r: { ruleId: string }) => r.ruleId === 'malformed-number'));
  });

  it('speaks Chinese with --lang zh', () => {
    const run = gouji('check', '--lang', 'zh', join(FIXTURES, '000_68829c0b624b4a3b.txt'));
    assert.match(run.stdout, /表格 \d+ 张：公开01表、/);
    assert.match(run.stdout, /格式错误/);
  });

  it('text: a summary to act on, not a wall — coverage, what needs action, the tables in a line, then the findings', () => {
    const path = join(FIXTURES, '001_6a62bd9b783e40ec.txt');
    const lines = gouji('check', '--lang', 'zh', path).stdout.trimEnd().split('\n');
    assert.equal(lines[0], path);
    assert.match(lines[1]!, /^ {2}已核对 (\d+) \/ (\d+) 个数字，1 个不符，\d+ 个未能对应/);
    assert.match(lines[2]!, /^ {2}\d+ 处需要处理/);
    assert.match(lines[3]!, /^ {2}表格 \d+ 张：公开01表、公开02表、.*公开09表/);
    // Every other line is a finding; amounts no cell was found for are counted above, not listed.
    for (const line of lines.slice(4)) assert.match(line.slice(path.length), /^:\d+:\d+: (错误|警告|提示) \[[a-z-]+\] /);
    assert.ok(!lines.some((l) => l.includes('amount-unlinked')));
    // The one wrong total of 001 (line 389: 收入总计 7,143,754.56 where 公开01表 says 7,289,400.60) is among them.
    assert.ok(lines.some((l) => l.includes(':389:13: 警告 [amount-mismatch] 7,143,754.56 元')), lines.join('\n'));
    assert.ok(lines.length < 30, `${lines.length} lines`);
  });

  it('json: each file’s coverage is the count of its figures’ states (the number the editor shows)', () => {
    const file = JSON.parse(gouji('check', '--format', 'json', join(FIXTURES, '001_6a62bd9b783e40ec.txt')).stdout).files[0];
    const count = (state: string) => file.figures.filter((f: { state: string }) => f.state === state).length;
    const { agrees, disagrees, uncertain, unlinked } = { agrees: count('agrees'), disagrees: count('disagrees'), uncertain: count('uncertain'), unlinked: count('unlinked') };
    assert.deepEqual(file.coverage, { figures: agrees + disagrees + uncertain + unlinked, checked: agrees + disagrees, agrees, disagrees, uncertain, unlinked });
    assert.ok(disagrees >= 1, '7,143,754.56 disagrees');
  });

  it('exits 2 with a one-line message for a missing file, a directory and a binary file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gouji-'));
    const binary = join(dir, 'report.txt');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
    for (const [path, why] of [[join(dir, 'missing.txt'), 'no such file'], [dir, 'is a directory'], [binary, 'not a text file']] as const) {
      const run = gouji('check', path);
      assert.equal(run.status, 2);
      assert.equal(run.stdout, '');
      assert.equal(run.stderr, `gouji: ${path}: ${why}${why === 'is a directory' ? ', not a report file' : why === 'not a text file' ? ' (it contains binary data)' : ''}\n`);
    }
  });

  it('exits 2 on a usage error, without a stack trace', () => {
    const run = gouji('check', '--format', 'xml', 'a.txt');
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^gouji: unknown format 'xml'/);
    assert.doesNotMatch(run.stderr, /at .*\.js:\d+/);
  });
});

describe('gouji check --fix', () => {
  const copy = (name: string, edit: (t: string) => string = (t) => t) => {
    const dir = mkdtempSync(join(tmpdir(), 'gouji-fix-'));
    const path = join(dir, name);
    writeFileSync(path, edit(readFileSync(join(FIXTURES, name), 'utf8')));
    return path;
  };

  // Each fixture, with wrong rates typed into its narrative (the originals are right, checked
  // by hand: 135.57 ÷ 135.63 = 99.956% → 99.96%; 4917.44 ÷ 11729.54 = 41.92%;
  // 977,136.19 ÷ (6,822,048.75 − 977,136.19) = 16.72%; 2,984.8 ÷ 2,490.5 = 119.85%).
  const damage: Record<string, [string, string][]> = {
    '000_68829c0b624b4a3b.txt': [['完成年初预算的99.96%', '完成年初预算的99.69%'], ['占 41.92%', '占 40.92%']],
    '001_6a62bd9b783e40ec.txt': [['增长 16.72%', '增长 16.27%']],
    '003_a0c01ccc9db781f0.txt': [['完成年初预算的 119.85%', '完成年初预算的 119.58%']],
  };

  for (const [name, edits] of Object.entries(damage)) {
    it(`restores ${name} byte for byte, and leaves nothing fixable`, () => {
      const original = readFileSync(join(FIXTURES, name), 'utf8');
      const path = copy(name, (t) => edits.reduce((s, [right, wrong]) => s.replace(right, wrong), t));
      const run = gouji('check', '--fix', '--format', 'json', path);
      assert.equal(readFileSync(path, 'utf8'), original);
      // One line per change, then what is left for the author.
      const said = run.stderr.trim().split('\n');
      assert.equal(said.length, edits.length + 1, run.stderr);
      assert.ok(said.at(-1)!.startsWith(`${path}: fixed ${edits.length}; `), said.at(-1));
      assert.match(said.at(-1)!, /; \d+ findings left for review$/);
      const after = JSON.parse(run.stdout).files[0];
      // Nothing left that a fix could change: a second --fix changes nothing.
      gouji('check', '--fix', path);
      assert.equal(readFileSync(path, 'utf8'), original);
      assert.ok(!after.diagnostics.some((d: { code: string }) => ['completion-mismatch', 'share-mismatch', 'change-mismatch'].includes(d.code)));
    });
  }

  it('changes nothing in the fixtures as published (their defects need the author: no safe fix)', () => {
    for (const name of Object.keys(damage)) {
      const path = copy(name);
      const run = gouji('check', '--fix', '--lang', 'en', path);
      assert.match(run.stderr, /^[^\n]*: fixed 0; \d+ findings left for review\n$/);
      assert.equal(readFileSync(path, 'utf8'), readFileSync(join(FIXTURES, name), 'utf8'));
    }
  });

  it('keeps a byte-order mark and CRLF line ends', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gouji-fix-'));
    const path = join(dir, 'r.txt');
    const body = '年初预算为450万元，\r\n支出决算为44.5万元，完成年初预算的9.80%。\r\n';
    writeFileSync(path, '\uFEFF' + body);
    gouji('check', '--fix', path);
    assert.equal(readFileSync(path, 'utf8'), '\uFEFF' + body.replace('9.80', '9.89'));
  });
});
