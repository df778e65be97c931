// The report language's TextMate grammar and the markdown injection, tokenised by the engine VS
// Code uses (vscode-textmate + oniguruma), loaded as package.json contributes them. Lines are taken
// from the real reports where they have the form; forms the reports lack (full-width digits, 亿元,
// 个百分点, an aligned row) are written here. Markdown is tokenised with VS Code's own markdown
// grammar, vendored under test/fixtures/grammars (see its README).
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { listFiles, PackageManager } from '@vscode/vsce';
import * as oniguruma from 'vscode-oniguruma';
import { type IGrammar, INITIAL, parseRawGrammar, Registry, type StateStack } from 'vscode-textmate';
import { fixture } from '../helpers';

const ROOT = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

interface GrammarContribution {
  language?: string;
  scopeName: string;
  path: string;
  injectTo?: string[];
}
const contributed: GrammarContribution[] = manifest.contributes.grammars;
const MARKDOWN = join(__dirname, '..', 'fixtures', 'grammars', 'markdown.tmLanguage');

let registry: Registry;
before(async () => {
  await oniguruma.loadWASM(readFileSync(join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm')).buffer);
  registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (sources) => new oniguruma.OnigScanner(sources), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scopeName) => {
      if (scopeName === 'text.html.markdown') return parseRawGrammar(readFileSync(MARKDOWN, 'utf8'), MARKDOWN);
      const c = contributed.find((g) => g.scopeName === scopeName);
      // The languages markdown embeds in fenced blocks (source.js, …) are not needed here.
      return c ? parseRawGrammar(readFileSync(join(ROOT, c.path), 'utf8'), c.path) : null;
    },
    getInjections: (scopeName) => contributed.filter((g) => g.injectTo?.includes(scopeName)).map((g) => g.scopeName),
  });
});

interface Token {
  text: string;
  scopes: string[];
}

/** The tokens of each line of `text`, the state carried from line to line as in the editor. */
function tokenize(grammar: IGrammar, text: string): Token[][] {
  return tokenizeWithStates(grammar, text).map((l) => l.tokens);
}

function tokenizeWithStates(grammar: IGrammar, text: string): { tokens: Token[]; end: StateStack }[] {
  let state: StateStack = INITIAL;
  return text.split('\n').map((line) => {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    return { tokens: r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes })), end: state };
  });
}

/** The scopes of the `nth` token whose text is exactly `text` (fails when no token is). */
function scopesOf(tokens: Token[], text: string, nth = 0): string[] {
  const found = tokens.filter((t) => t.text === text)[nth];
  assert.ok(found, `no token '${text}' in ${JSON.stringify(tokens.map((t) => t.text))}`);
  return found.scopes;
}

/** The line of a fixture that contains `part`. */
function lineOf(name: string, part: string): string {
  const line = fixture(name).split(/\r?\n/).find((l) => l.includes(part));
  assert.ok(line, `no line with '${part}' in ${name}`);
  return line;
}

const R = '.fiscal-report';
const AMOUNT = `constant.numeric.amount${R}`;
const AMOUNT_UNIT = `keyword.other.unit.amount${R}`;
const PERCENT = `constant.numeric.percentage${R}`;
const PERCENT_SIGN = `keyword.other.unit.percentage${R}`;
const UP = `keyword.operator.wordlike.direction.up${R}`;
const DOWN = `keyword.operator.wordlike.direction.down${R}`;
const CODE = `entity.name.type.subject-code${R}`;
const HEADING = `markup.heading${R}`;
const TITLE = `entity.name.section${R}`;
const MARKER = `punctuation.definition.heading${R}`;
const TABLE = `markup.table${R}`;
const CELL = `meta.table.cell${R}`;
const CELL_NUMBER = `constant.numeric.cell${R}`;
const PIPE = `punctuation.separator.table${R}`;

describe('grammar: the fiscal-report language', () => {
  let grammar: IGrammar;
  /** The state between lines outside any rule. */
  let root: StateStack;
  const line = (text: string) => tokenize(grammar, text)[0]!;
  before(async () => {
    grammar = (await registry.loadGrammar('text.fiscal-report'))!;
    assert.ok(grammar, 'package.json contributes text.fiscal-report');
    root = grammar.tokenizeLine('', INITIAL).ruleStack;
  });

  it('amounts with their units, shares with their %, in a real narrative sentence (000)', () => {
    const t = line(lineOf('000_68829c0b624b4a3b.txt', '本年支出合计 11729.54 万元'));
    assert.deepEqual(scopesOf(t, '11729.54'), ['text.fiscal-report', AMOUNT]);
    assert.deepEqual(scopesOf(t, '万元'), ['text.fiscal-report', AMOUNT_UNIT]);
    assert.deepEqual(scopesOf(t, '41.92'), ['text.fiscal-report', PERCENT]);
    assert.deepEqual(scopesOf(t, '%'), ['text.fiscal-report', PERCENT_SIGN]);
    // The label before the figure stays plain text.
    assert.ok(t.some((x) => x.text.includes('本年支出合计') && x.scopes.length === 1));
  });

  it('direction words of a change, and a year that is not an amount (000)', () => {
    const t = line(lineOf('000_68829c0b624b4a3b.txt', '比上年收入、支出总 计减少'));
    assert.deepEqual(scopesOf(t, '减少'), ['text.fiscal-report', DOWN]);
    assert.deepEqual(scopesOf(t, '下降'), ['text.fiscal-report', DOWN]);
    assert.deepEqual(scopesOf(t, '57.85'), ['text.fiscal-report', PERCENT]);
    // `2024年度` opens the sentence: a year, not highlighted as a figure.
    assert.equal(t[0]!.scopes.length, 1);
    assert.ok(t[0]!.text.startsWith('2024年度'));
  });

  it('大于 / 小于, grouped amounts in 元, and a subject code before 科目 (001)', () => {
    const t = line(lineOf('001_6a62bd9b783e40ec.txt', '（三）一般公共预算财政拨款支出决算具体情况。'));
    assert.deepEqual(scopesOf(t, '5,865,710.00').slice(-1), [AMOUNT]);
    assert.deepEqual(scopesOf(t, '元').slice(-1), [AMOUNT_UNIT]);
    assert.deepEqual(scopesOf(t, '大于').slice(-1), [UP]);
    assert.deepEqual(scopesOf(t, '2101599').slice(-1), [CODE]);
    const less = line(lineOf('001_6a62bd9b783e40ec.txt', '完成年初预算的96.19%，决算数小于预算数'));
    assert.deepEqual(scopesOf(less, '小于').slice(-1), [DOWN]);
    assert.deepEqual(scopesOf(less, '96.19').slice(-1), [PERCENT]);
  });

  it('an OCR-spaced amount is one figure (000: 4917. 44 万元)', () => {
    const t = line(lineOf('000_68829c0b624b4a3b.txt', '基本支出 4917. 44 万元'));
    assert.deepEqual(scopesOf(t, '4917. 44'), ['text.fiscal-report', AMOUNT]);
  });

  it('full-width digits and ％, 亿元 and 千元, 个百分点, PDF-spaced 万 元 (written here)', () => {
    const t = line('支出１２，３４５．６７万元，占１２．３％；涉及调价金额8.81亿元，另有 120 千元，比上年提高 1.5 个百分点，合计 2946.25 万 元。');
    assert.deepEqual(scopesOf(t, '１２，３４５．６７').slice(-1), [AMOUNT]);
    assert.deepEqual(scopesOf(t, '１２．３').slice(-1), [PERCENT]);
    assert.deepEqual(scopesOf(t, '％').slice(-1), [PERCENT_SIGN]);
    assert.deepEqual(scopesOf(t, '亿元').slice(-1), [AMOUNT_UNIT]);
    assert.deepEqual(scopesOf(t, '千元').slice(-1), [AMOUNT_UNIT]);
    assert.deepEqual(scopesOf(t, '1.5').slice(-1), [`constant.numeric.percentage-points${R}`]);
    assert.deepEqual(scopesOf(t, '个百分点').slice(-1), [`keyword.other.unit.percentage-points${R}`]);
    assert.deepEqual(scopesOf(t, '提高').slice(-1), [UP]);
    assert.deepEqual(scopesOf(t, '万 元').slice(-1), [AMOUNT_UNIT]);
  });

  it('counts with their measure word (000: 2.00 辆, 47.00 人次)', () => {
    const t = line(lineOf('000_68829c0b624b4a3b.txt', '接待 47.00 人次'));
    assert.deepEqual(scopesOf(t, '47.00').slice(-1), [`constant.numeric.count${R}`]);
    assert.deepEqual(scopesOf(t, '人次').slice(-1), [`keyword.other.unit.count${R}`]);
  });

  it('headings: 第二部分, 五、, （一） up to its first sentence, and markdown #### (001, 000)', () => {
    const part = line(lineOf('001_6a62bd9b783e40ec.txt', '第二部分 2024 年度部门决算表'));
    assert.deepEqual(scopesOf(part, '第二部分'), ['text.fiscal-report', HEADING, MARKER]);
    assert.deepEqual(scopesOf(part, ' 2024 年度部门决算表'), ['text.fiscal-report', HEADING, TITLE]);

    const section = line(lineOf('001_6a62bd9b783e40ec.txt', '五、一般公共预算财政拨款支出决算情况说明'));
    assert.deepEqual(scopesOf(section, '五、'), ['text.fiscal-report', HEADING, MARKER]);
    assert.deepEqual(scopesOf(section, '一般公共预算财政拨款支出决算情况说明'), ['text.fiscal-report', HEADING, TITLE]);

    // 001 runs the paragraph on after the heading's 。: the figures after it are prose again.
    const run = line(lineOf('001_6a62bd9b783e40ec.txt', '（一）一般公共预算财政拨款支出决算总体情况。'));
    assert.deepEqual(scopesOf(run, '（一）'), ['text.fiscal-report', HEADING, MARKER]);
    assert.deepEqual(scopesOf(run, '一般公共预算财政拨款支出决算总体情况'), ['text.fiscal-report', HEADING, TITLE]);
    assert.deepEqual(scopesOf(run, '6,822,048.75'), ['text.fiscal-report', AMOUNT]);

    const md = line(lineOf('000_68829c0b624b4a3b.txt', '#### 三、支出决算情况说明'));
    assert.deepEqual(scopesOf(md, '####'), ['text.fiscal-report', HEADING, MARKER]);
    assert.deepEqual(scopesOf(md, '三、支出决算情况说明'), ['text.fiscal-report', HEADING, TITLE]);
  });

  it('a numbered row of a tab-separated or space-aligned table is not a heading; an aligned row’s code is a code', () => {
    const tab = line(lineOf('003_a0c01ccc9db781f0.txt', '一、一般公共预算财政拨款收入\t1\t2,984.80'));
    assert.ok(tab.every((t) => !t.scopes.includes(HEADING)));
    assert.deepEqual(scopesOf(tab, '2,984.80'), ['text.fiscal-report', TABLE, CELL, CELL_NUMBER]);
    // Rows as `pdftotext -layout` writes them: no heading, and a subject code opening the row.
    const aligned = line('一、一般公共预算财政拨款收入        1      2,984.80');
    assert.ok(aligned.every((t) => !t.scopes.includes(HEADING)));
    const coded = line('208      社会保障和就业支出        751,463.15');
    assert.deepEqual(scopesOf(coded, '208'), ['text.fiscal-report', CODE]);
  });

  it('a tab-separated row: subject code, label and number cells, tab separators (001)', () => {
    const t = line(lineOf('001_6a62bd9b783e40ec.txt', '2080505\t机关事业单位基本养老保险缴费支出\t\t343,928.02\t343,928.02\t0.00\t0.00\t0.00\t0.00'));
    assert.deepEqual(scopesOf(t, '2080505'), ['text.fiscal-report', TABLE, CELL, CODE]);
    assert.deepEqual(scopesOf(t, '机关事业单位基本养老保险缴费支出'), ['text.fiscal-report', TABLE, CELL]);
    assert.deepEqual(scopesOf(t, '\t\t'), ['text.fiscal-report', TABLE, PIPE]);
    assert.deepEqual(scopesOf(t, '343,928.02', 1), ['text.fiscal-report', TABLE, CELL, CELL_NUMBER]);
    assert.deepEqual(scopesOf(t, '0.00', 3), ['text.fiscal-report', TABLE, CELL, CELL_NUMBER]);
  });

  it('a pipe row: pipes, the code in the first cell, number cells; the delimiter row (000)', () => {
    const t = line(lineOf('000_68829c0b624b4a3b.txt', '| 2080505         | 机关事业单位基<br>本养老保险缴费<br>支出 | 135.57'));
    assert.deepEqual(scopesOf(t, '|', 0), ['text.fiscal-report', TABLE, PIPE]);
    assert.deepEqual(scopesOf(t, '2080505'), ['text.fiscal-report', TABLE, CELL, CODE]);
    assert.deepEqual(scopesOf(t, '135.57', 0), ['text.fiscal-report', TABLE, CELL, CELL_NUMBER]);
    assert.deepEqual(scopesOf(t, ' 机关事业单位基<br>本养老保险缴费<br>支出 '), ['text.fiscal-report', TABLE, CELL]);

    const delimiter = line(lineOf('000_68829c0b624b4a3b.txt', '|-----------------|--------------------------|'));
    assert.deepEqual(delimiter.map((x) => x.scopes), [['text.fiscal-report', TABLE, `punctuation.separator.table.delimiter${R}`]]);
  });

  it('negative cells, written -1,036.07 or (1,036.07)', () => {
    const t = line('| 其他企业改革发展补助 | -1,036.07 | （1,036.07） |');
    assert.deepEqual(scopesOf(t, '-1,036.07').slice(-1), [CELL_NUMBER]);
    assert.deepEqual(scopesOf(t, '（1,036.07）').slice(-1), [CELL_NUMBER]);
  });

  it('table codes and the unit line (000: 公开 11 表 单位:万元; 001: 金额单位：元)', () => {
    const t = line(lineOf('000_68829c0b624b4a3b.txt', '公开 11 表 单位:万元'));
    assert.deepEqual(scopesOf(t, '公开 11 表'), ['text.fiscal-report', `entity.name.tag.table-code${R}`]);
    assert.deepEqual(scopesOf(t, '万元'), ['text.fiscal-report', AMOUNT_UNIT]);
    const unit = line(lineOf('001_6a62bd9b783e40ec.txt', '金额单位：元'));
    assert.deepEqual(scopesOf(unit, '金额单位'), ['text.fiscal-report', `entity.other.attribute-name.unit${R}`]);
    assert.deepEqual(scopesOf(unit, '元'), ['text.fiscal-report', AMOUNT_UNIT]);
  });

  it('HTML comments hold directives, over lines, and no figures', () => {
    const lines = tokenize(grammar, '本年支出 100 万元<!-- gouji-disable-line -->\n<!-- 说明：\n原为 12.5 万元 -->\n增加 3 万元');
    assert.deepEqual(scopesOf(lines[0]!, 'gouji-disable-line'), ['text.fiscal-report', 'comment.block.html', `keyword.other.directive${R}`]);
    assert.deepEqual(scopesOf(lines[0]!, '100').slice(-1), [AMOUNT]);
    assert.deepEqual(scopesOf(lines[2]!, '原为 12.5 万元 '), ['text.fiscal-report', 'comment.block.html']);
    assert.deepEqual(scopesOf(lines[3]!, '增加').slice(-1), [UP]);
  });

  it('tokenises the three real reports with no rule left open at the end of a line', () => {
    for (const name of ['000_68829c0b624b4a3b.txt', '001_6a62bd9b783e40ec.txt', '003_a0c01ccc9db781f0.txt']) {
      const lines = tokenizeWithStates(grammar, fixture(name).replace(/\r/g, ''));
      // No line leaves a rule open (a table row running into the next line): the reports have no comments.
      const open = lines.findIndex((l) => !l.end.equals(root));
      assert.equal(open, -1, `${name}: line ${open + 1} leaves a rule open`);
      assert.ok(lines.some((l) => l.tokens.some((t) => t.scopes.includes(AMOUNT))), name);
    }
  });

  it('adversarial lines (long digit, space and pipe runs) still tokenise to their end', () => {
    // Timings of these belong to the benchmarks; here, that the scanners get through them right.
    const cases: [string, (n: number) => string][] = [
      ['digits', (n) => `${'1,23'.repeat(n / 4)}x 5 万元`],
      ['spaces in a heading', (n) => `一、标题${' x'.repeat(n / 4)}${' '.repeat(n / 2)}5 万元`],
      ['pipes', (n) => `|${' 1.5 |'.repeat(n / 6)} 5 万元`],
    ];
    for (const [name, make] of cases) {
      for (const n of [4000, 16000]) {
        const tokens = line(make(n));
        assert.ok(tokens[tokens.length - 1]!.text.trimEnd().endsWith('万元'), `${name} at ${n} characters`);
      }
    }
  });
});

describe('grammar: figures injected into markdown', () => {
  let markdown: IGrammar;
  const doc = [
    '## 三、支出决算情况说明', // 0
    '',
    lineOf('000_68829c0b624b4a3b.txt', '本年支出合计 11729.54 万元'), // 2
    '',
    '| 本年收入合计 | 1,150.00 | 四、住房保障支出 | 100.00 |', // 4: yusuan-2025.md
    '',
    '```text', // 6
    '本年支出合计 11729.54 万元，比上年增加 5 万元',
    '```',
    '',
    '原文为 `12.5 万元`，现为 13.5 万元。', // 10
    '<!-- 12.5 万元 -->',
  ].join('\n');

  before(async () => {
    markdown = (await registry.loadGrammar('text.html.markdown'))!;
    const crafted = readFileSync(join(__dirname, '..', 'fixtures', 'crafted', 'yusuan-2025.md'), 'utf8');
    assert.ok(crafted.includes(doc.split('\n')[4]!), 'the table row is yusuan-2025.md’s');
  });

  it('highlights figures and direction words in a paragraph, keeping markdown’s own scopes', () => {
    const t = tokenize(markdown, doc)[2]!;
    const amount = scopesOf(t, '11729.54');
    assert.ok(amount.includes('meta.paragraph.markdown'), amount.join(' '));
    assert.equal(amount[amount.length - 1], AMOUNT);
    assert.equal(scopesOf(t, '41.92').at(-1), PERCENT);
    assert.equal(scopesOf(t, '万元').at(-1), AMOUNT_UNIT);
  });

  it('highlights number cells of a pipe table (yusuan-2025.md)', () => {
    const t = tokenize(markdown, doc)[4]!;
    assert.equal(scopesOf(t, '1,150.00').at(-1), CELL_NUMBER);
    assert.equal(scopesOf(t, '100.00').at(-1), CELL_NUMBER);
  });

  it('leaves headings to markdown: no report heading scope', () => {
    const t = tokenize(markdown, doc)[0]!;
    assert.ok(t.some((x) => x.scopes.includes('markup.heading.markdown')));
    assert.ok(t.every((x) => !x.scopes.includes(HEADING)));
  });

  it('does not touch a fenced code block, inline code or a comment', () => {
    const lines = tokenize(markdown, doc);
    const fenced = lines[7]!;
    assert.ok(fenced.every((x) => x.scopes.some((s) => s.startsWith('markup.fenced_code'))), JSON.stringify(fenced));
    assert.ok(fenced.every((x) => x.scopes.every((s) => !s.endsWith(R))), JSON.stringify(fenced));
    const inline = lines[10]!;
    assert.ok(inline.filter((x) => x.text.includes('12.5')).every((x) => x.scopes.every((s) => !s.endsWith(R))));
    assert.equal(scopesOf(inline, '13.5').at(-1), AMOUNT);
    assert.ok(lines[11]!.every((x) => x.scopes.every((s) => !s.endsWith(R))));
  });
});

describe('grammar: what package.json contributes and the .vsix ships', () => {
  const language = manifest.contributes.languages.find((l: { id: string }) => l.id === 'fiscal-report');

  it('the report language gets the grammar and the language configuration; markdown only the injection', () => {
    assert.deepEqual(contributed.find((g) => g.language === 'fiscal-report')?.scopeName, 'text.fiscal-report');
    assert.deepEqual(contributed.find((g) => g.scopeName === 'gouji.figures.injection')?.injectTo, ['text.html.markdown']);
    // Markdown files stay markdown (preview and all): the report language claims no .md file.
    assert.ok(!JSON.stringify(language).includes('.md'));
    const injection = JSON.parse(readFileSync(join(ROOT, 'syntaxes', 'figures.injection.tmLanguage.json'), 'utf8'));
    assert.match(injection.injectionSelector, /-markup\.fenced_code/);
  });

  it('the language configuration: HTML block comments, Chinese brackets, whole figures as words', () => {
    const config = JSON.parse(readFileSync(join(ROOT, language.configuration), 'utf8'));
    assert.deepEqual(config.comments, { blockComment: ['<!--', '-->'] });
    assert.deepEqual(config.brackets, [['（', '）'], ['(', ')'], ['【', '】'], ['《', '》']]);
    assert.deepEqual(config.autoClosingPairs.map((p: { open: string; close: string }) => p.open + p.close), ['（）', '()', '【】', '《》', '<!-- -->']);
    // Double-click selects a whole figure; a pinyin snippet prefix typed after Chinese is its own word.
    const words = '本年支出合计 11,729.54 万元，占41.92%。zhanbi'.match(new RegExp(config.wordPattern, 'g'));
    assert.deepEqual(words, ['本年支出合计', '11,729.54', '万元', '占', '41.92%', 'zhanbi']);
    // PDF conversion's spaced figures are one word too (F12 and double-click take the whole figure).
    assert.deepEqual('合计 4, 627. 11 万元'.match(new RegExp(config.wordPattern, 'g')), ['合计', '4, 627. 11', '万元']);
  });

  it('the .vsix includes the grammars, snippets and language configuration (vsce’s own file list)', async () => {
    // vsce on a copy of just the manifest, .vscodeignore and these files (plus a test that must stay
    // out): on the checkout it would walk node_modules and the VS Code downloads.
    const wanted = [...contributed.map((g) => g.path), ...manifest.contributes.snippets.map((s: { path: string }) => s.path), language.configuration].map((p: string) => p.replace(/^\.\//, ''));
    const dir = mkdtempSync(join(tmpdir(), 'gouji-vsix-'));
    try {
      for (const path of ['package.json', '.vscodeignore', 'test/unit/grammar.test.ts', ...wanted]) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        copyFileSync(join(ROOT, path), join(dir, path));
      }
      const files = await listFiles({ cwd: dir, packageManager: PackageManager.None });
      for (const path of wanted) assert.ok(files.includes(path), `${path} is not packaged`);
      assert.ok(!files.includes('test/unit/grammar.test.ts'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
