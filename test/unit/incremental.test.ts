// The editor's incremental Checker, and the block-by-block reading it rests on: after any
// sequence of edits, Checker.check() gives exactly what check() gives on the same text, and
// reading the markdown block by block gives exactly what remark gives on the whole text.
import assert from 'node:assert/strict';
import type { Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { check } from '../../src/core/check';
import { Checker } from '../../src/core/incremental';
import { blockStarts, cellContent, readStructure, type Structure } from '../../src/core/markdown';
import { fixture } from '../helpers';

const FIXTURES = ['000_68829c0b624b4a3b.txt', '001_6a62bd9b783e40ec.txt', '003_a0c01ccc9db781f0.txt'];

/** A small deterministic generator, so that a failure names the seed that replays it. */
function random(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return Math.floor((s / 2147483648) * n);
  };
}

interface Edit {
  name: string;
  apply: (text: string) => string;
}

/** The kinds of edit a user makes, each at a random place: typing, deleting, splitting and joining blocks, in tables and code. */
function edits(pick: (n: number) => number): Edit[] {
  const at = (text: string) => pick(text.length + 1);
  const splice = (text: string, start: number, remove: number, insert: string) => text.slice(0, start) + insert + text.slice(start + remove);
  const lineStartMatching = (text: string, re: RegExp) => {
    const starts = [...text.matchAll(re)].map((m) => m.index!);
    return starts.length ? starts[pick(starts.length)]! : at(text);
  };
  return [
    { name: 'type a digit', apply: (t) => splice(t, at(t), 0, String(pick(10))) },
    { name: 'type a word', apply: (t) => splice(t, at(t), 0, ['万元', '，', '合计', '|', '- ', '# ', '  ', '\t'][pick(8)]!) },
    { name: 'delete a few characters', apply: (t) => splice(t, at(t), 1 + pick(20), '') },
    { name: 'split a block with a blank line', apply: (t) => splice(t, at(t), 0, '\n\n') },
    { name: 'join two blocks', apply: (t) => splice(t, lineStartMatching(t, /\n\n/g), 2, '\n') },
    { name: 'edit inside a table row', apply: (t) => splice(t, lineStartMatching(t, /^[|\t]|(?<=\n)\S*\t/gm) + 3, 0, ['9', '|', ' ', '<br>'][pick(4)]!) },
    { name: 'open a code fence', apply: (t) => splice(t, lineStartMatching(t, /^/gm), 0, '```\n') },
    { name: 'type inside a code fence', apply: (t) => splice(t, lineStartMatching(t, /(?<=```\n)/g), 0, '12.5 万元\n\n') },
    { name: 'edit at the start', apply: (t) => splice(t, 0, pick(3), ['\n', '# ', '公开01表\n\n', ''][pick(4)]!) },
    { name: 'edit at the end', apply: (t) => splice(t, t.length - pick(Math.min(3, t.length + 1)), 0, ['\n', '\n\n本年支出合计 1 万元。', '|', ''][pick(4)]!) },
    { name: 'open an HTML comment', apply: (t) => splice(t, lineStartMatching(t, /^/gm), 0, ['<!--\n', '-->\n', '<!-- gouji-disable-line -->\n'][pick(3)]!) },
  ];
}

describe('incremental Checker', function () {
  this.timeout(600_000);

  for (const name of FIXTURES) {
    it(`agrees with check() after 12 random edits of ${name.slice(0, 3)}`, () => {
      const seed = 7 + name.charCodeAt(2);
      const pick = random(seed);
      const kinds = edits(pick);
      const checker = new Checker();
      let text = fixture(name);
      assert.deepStrictEqual(checker.check(text), check(text));
      const done: string[] = [];
      for (let i = 0; i < 12; i++) {
        const edit = kinds[i % kinds.length]!;
        text = edit.apply(text);
        done.push(edit.name);
        assert.deepStrictEqual(checker.check(text), check(text), `seed ${seed}, after: ${done.join(', ')}`);
      }
    });
  }

  it('agrees with check() when a report is replaced, emptied and checked with options', () => {
    const checker = new Checker();
    for (const text of [fixture(FIXTURES[0]!), fixture(FIXTURES[1]!), '', '\n\n', fixture(FIXTURES[2]!)]) {
      assert.deepStrictEqual(checker.check(text), check(text));
      assert.deepStrictEqual(checker.check(text, { rules: { 'amount-unlinked': 'off' } }), check(text, { rules: { 'amount-unlinked': 'off' } }));
    }
  });
});

// ---------- reading block by block = remark on the whole text -----------------------------------

const remark = unified().use(remarkParse).use(remarkGfm);

/** What the reader takes from remark's tree of the whole text: tables' rows and cells, the other lines. */
function remarkStructure(text: string): Structure {
  const out: Structure = { tables: [], lines: [] };
  const visit = (node: RootContent) => {
    const start = node.position!.start.offset!;
    const end = node.position!.end.offset!;
    if (node.type === 'table') {
      const rows = node.children.map((row) => ({
        cells: row.children.map((c) => cellContent(text, { start: c.position!.start.offset!, end: c.position!.end.offset! })),
        start: row.position!.start.offset!,
        end: row.position!.end.offset!,
      }));
      out.tables.push({ format: 'markdown', rows, start, end });
    } else if ('children' in node && node.type !== 'paragraph' && node.type !== 'heading') node.children.forEach((c) => visit(c as RootContent));
    else if (node.type !== 'thematicBreak') {
      for (let s = start; s <= end; ) {
        const nl = text.indexOf('\n', s);
        const e = nl === -1 || nl > end ? end : nl;
        out.lines.push({ start: s, end: e, heading: node.type === 'heading' ? node.depth : 0 });
        s = e + 1;
      }
    }
  };
  (remark.parse(text) as Root).children.forEach(visit);
  return out;
}

/** Pieces of markdown and of reports, put together at random into texts remark must agree on. */
const PIECES = [
  '| a ', '|', '|---', '|---|---|\n', '| 1 | 2 |\n', '\n| h | h |\n|---|---|\n', ':', '-', '--', '---', '***', '* * *', '___', '===',
  ' ', '  ', '    ', '\t', '\n', '\n', '\n\n', '\r\n', '\\', '\\|', '\\\\', '`', '```', '~~~', '#', '## ', '#### h', '#5', '> ',
  '- ', '- a', '- (1)x', '- 1. y', '-     five', '* ', '+ ', '1. ', '2) ', '99.86%', '-1.5', '**b**', '<!--', '-->', '<pre>', '</pre>',
  '<div>', '<b>', '<br>', '[a]: /u', '[^1]: x', 'text', '本年支出合计 12.3 万元，', '12,345.67', '（一）', '\u3000', '\uFEFF', 'x|y',
];

describe('reading markdown block by block', function () {
  this.timeout(600_000);

  it('splits the fixtures into many blocks (so that an edit re-reads few)', () => {
    for (const name of FIXTURES) assert.ok(blockStarts(fixture(name)).length > 150, name);
  });

  it('gives remark’s structure on the fixtures and the crafted report', () => {
    for (const text of [...FIXTURES.map(fixture), fixture('../crafted/yusuan-2025.md')]) assert.deepStrictEqual(readStructure(text), remarkStructure(text));
  });

  it('gives remark’s structure on 600 texts of markdown pieces', () => {
    const pick = random(11);
    for (let k = 0; k < 600; k++) {
      let text = '';
      for (let n = 1 + pick(40); n > 0; n--) text += PIECES[pick(PIECES.length)];
      assert.deepStrictEqual(readStructure(text), remarkStructure(text), JSON.stringify(text));
    }
  });

  it('gives remark’s structure on 20 fixtures with a piece inserted or a stretch deleted', () => {
    const pick = random(13);
    const texts = FIXTURES.map(fixture);
    for (let k = 0; k < 20; k++) {
      const base = texts[pick(texts.length)]!;
      const at = pick(base.length);
      const text = base.slice(0, at) + PIECES[pick(PIECES.length)] + base.slice(at + (pick(3) === 0 ? pick(200) : 0));
      assert.deepStrictEqual(readStructure(text), remarkStructure(text), `edit at ${at}`);
    }
  });
});
