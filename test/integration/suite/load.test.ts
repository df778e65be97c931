// The extension under load: a burst of 500 edits on the largest fixture, as fast as the editor
// takes them, then the diagnostics must be exactly those of a fresh check of the final text.
import * as assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { check } from '../../../src/core/check';
import { copyFixture, diagnosticsWhen } from './helpers';

const SEVERITY = ['error', 'warning', 'information', 'hint'];

describe('under load', () => {
  it('500 edits in a burst: every keystroke lands, and the final diagnostics equal a fresh check', async function () {
    this.timeout(180_000);
    const uri = copyFixture('000_68829c0b624b4a3b.txt', 'report-000-burst.txt');
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    await diagnosticsWhen(uri, (ds) => ds.length > 0);

    // Typing in the narrative: digits and a word, at spread-out places after the tables.
    const initialLength = doc.getText().length;
    const prose = doc.getText().indexOf('第三部分');
    assert.ok(prose > 0);
    const latencies: number[] = [];
    for (let i = 0; i < 500; i++) {
      const at = doc.positionAt(prose + ((i * 7919) % (doc.getText().length - prose)));
      const char = i % 10 === 9 ? '增' : String(i % 10);
      const t = performance.now();
      assert.ok(await editor.edit((e) => e.insert(at, char), { undoStopBefore: false, undoStopAfter: false }), `edit ${i} applied`);
      latencies.push(performance.now() - t);
    }
    latencies.sort((a, b) => a - b);
    console.log(`      500 edits: p50 ${latencies[250]!.toFixed(1)} ms, p95 ${latencies[475]!.toFixed(1)} ms, max ${latencies[499]!.toFixed(1)} ms per edit`);
    assert.equal(doc.getText().length, initialLength + 500, 'no keystroke lost');

    const final = doc.getText();
    const key = (rule: string, start: number, end: number, severity: string) => `${rule} ${start}-${end} ${severity}`;
    const expected = check(final).findings.map((f) => key(f.rule, f.start, f.end, f.severity)).sort();
    const actual = (ds: vscode.Diagnostic[]) =>
      ds
        .filter((d) => d.source === 'gouji')
        .map((d) => key(typeof d.code === 'object' ? String(d.code.value) : '', doc.offsetAt(d.range.start), doc.offsetAt(d.range.end), SEVERITY[d.severity]!))
        .sort();
    const ds = await diagnosticsWhen(uri, (all) => JSON.stringify(actual(all)) === JSON.stringify(expected));
    assert.deepEqual(actual(ds), expected);
    assert.ok(expected.length > 0);
  });
});
