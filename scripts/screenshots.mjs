// `npm run screenshots`: the README's pictures of the extension at work, taken in a real
// VS Code (code-server, see test/integration/runner/workbench.mjs) with the extension as built
// from this checkout, light theme, a 1280×800 window, in 简体中文 and in English. Each picture
// is cropped to what it shows and saved as NAME.LANG.png in the folder given on the command line
// (`npm run screenshots -- docs/images` to update the README's), by default a folder of the
// system's temporary directory, so that a run never leaves the checkout dirty. Every step waits
// on what it needs to see (a squiggle, a menu entry, a tree row), never on time.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openWorkbench, ROOT } from '../test/integration/runner/workbench.mjs';

const IMAGES = resolve(process.argv[2] ?? join(tmpdir(), 'gouji-screenshots'));
const REPORT = '2024年度部门决算.txt';
// Fixture 001 as published (its 收入总计 states 本年收入合计: a real finding), with one share
// mistyped (95.50% → 95.05%) so that a figure has a quick fix.
// Where the cursor goes: a line, and the characters before the cursor (two into the figure).
const SHARE = { line: 393, offset: 56, wrong: '95.05', right: '95.50' };
const TOTAL = { line: 389, offset: 14 };

const WINDOW = { width: 1280, height: 800 };
const TALL = { width: 1280, height: 1400 };
const SETTINGS = {
  'workbench.colorTheme': 'Default Light Modern',
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'editor.cursorBlinking': 'solid',
  // Gouji's code lenses are rebuilt when it re-reads its settings a few seconds after it starts,
  // and that closes any hover then open.
  'gouji.codeLens': false,
  // One line per finding, without its related locations.
  'problems.defaultViewMode': 'table',
  'chat.disableAIFeatures': true,
};

/** What the pictures look for, as the extension words it in each display language. */
const LANGUAGES = {
  zh: { locale: 'zh-cn', sourceCell: '来源单元格', formula: '公式', fix: `替换为 ${SHARE.right}`, overview: '显示本报告概览', tables: '表格', disagree: '不符' },
  en: { locale: 'en', sourceCell: 'Source cell', formula: 'Formula', fix: `Replace with ${SHARE.right}`, overview: 'Show the overview of this report', tables: 'Tables', disagree: 'Disagree' },
};

/**
 * Moves the cursor into a line, `offset` characters from its start, with the line a little
 * below the middle of the editor (room for a hover above it): Go to Line a few lines above,
 * which centres that one, then Go to Line again (the report language wraps long lines, so the
 * arrow keys would count screen lines), then the arrow keys along the line (Go to Line's own
 * column counts a Chinese character as two).
 */
async function goTo(page, { line, offset }) {
  const lowered = 6;
  const input = page.locator('.quick-input-widget');
  for (const target of [line - lowered, line]) {
    await page.keyboard.press('Control+G');
    await page.keyboard.type(`${target}`);
    await input.locator('.monaco-list-row', { hasText: `${target}` }).waitFor();
    await page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden' });
  }
  for (let i = 0; i < offset; i++) await page.keyboard.press('ArrowRight');
}

/** The smallest rectangle holding every box, with a margin, inside the window. */
function around(boxes, window, margin = 12) {
  const x = Math.max(0, Math.min(...boxes.map((b) => b.x)) - margin);
  const y = Math.max(0, Math.min(...boxes.map((b) => b.y)) - margin);
  const right = Math.min(window.width, Math.max(...boxes.map((b) => b.x + b.width)) + margin);
  const bottom = Math.min(window.height, Math.max(...boxes.map((b) => b.y + b.height)) + margin);
  return { x, y, width: right - x, height: bottom - y };
}

/** Resizes the window and waits for the workbench to take the new size. */
async function resize(page, size) {
  await page.setViewportSize(size);
  await page.waitForFunction((height) => document.querySelector('.monaco-workbench').getBoundingClientRect().height === height, size.height);
}

/** Saves the part of the window around `boxes` and the given elements, once each is visible. */
async function shoot(page, name, lang, boxes, locators, margin = 12) {
  await Promise.all(locators.map((l) => l.waitFor()));
  const all = [...boxes, ...(await Promise.all(locators.map((l) => l.boundingBox())))];
  const path = join(IMAGES, `${name}.${lang}.png`);
  await page.screenshot({ path, clip: around(all, page.viewportSize(), margin) });
  console.log(`screenshots: ${path}`);
}

async function takePictures(lang, strings) {
  const scratch = mkdtempSync(join(tmpdir(), 'gouji-screenshots-'));
  const workspace = join(scratch, 'workspace');
  mkdirSync(workspace);
  const report = readFileSync(join(ROOT, 'test/fixtures/reports/001_6a62bd9b783e40ec.txt'), 'utf8');
  writeFileSync(join(workspace, REPORT), report.replace(`占 ${SHARE.right}%`, `占 ${SHARE.wrong}%`));
  const workbench = await openWorkbench({
    folder: workspace,
    userDataDir: join(scratch, 'user-data'),
    extensionsDir: join(scratch, 'extensions'),
    locale: strings.locale,
    settings: SETTINGS,
    payload: { extensionDevelopmentPath: ROOT },
    viewport: WINDOW,
  });
  try {
    const { page } = workbench;
    await page.locator('.monaco-workbench').waitFor();
    await page.getByRole('treeitem', { name: REPORT }).dblclick();
    await page.mouse.move(200, 500); // off the file name, whose tooltip would show otherwise
    const editor = page.locator('.editor-instance .monaco-editor').first();
    // The text around the cursor: the figure and some of its sentence. Measured while the
    // editor has focus, before a hover or menu takes it and hides the cursor.
    const cursorLine = async () => {
      const box = await editor.locator('.cursor').boundingBox();
      return { x: box.x - 360, y: box.y, width: 560, height: box.height };
    };
    /** Shows the hover at the cursor and saves it with the cursor's line. */
    const shootHover = async (name, text) => {
      const line = await cursorLine();
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      await shoot(page, name, lang, [line], [page.locator('.monaco-hover', { hasText: text })]);
      await page.keyboard.press('Escape');
    };

    // VS Code caps a hover at a quarter of the editor's height (250 px at least): the hovers
    // are taken in a taller window, so that they show whole.
    await resize(page, TALL);
    await goTo(page, TOTAL);
    await editor.locator('.squiggly-warning:visible').first().waitFor();
    await shootHover('hover', strings.sourceCell);
    await goTo(page, SHARE);
    await shootHover('hover-share', strings.formula);

    await resize(page, WINDOW);
    await goTo(page, SHARE);
    // The mistyped share's squiggle: the check has run, so the menu has its fix.
    await editor.locator('.squiggly-warning:visible').first().waitFor();
    const fixLine = await cursorLine();
    const menu = page.locator('.action-widget', { hasText: strings.fix });
    // On a cold machine the first request can come before the engine is loaded: ask again until the fix is listed.
    for (let attempt = 0; ; attempt++) {
      await page.keyboard.press('Control+.');
      const shown = await menu.waitFor({ timeout: 10_000 }).then(() => true, () => false);
      if (shown) break;
      if (attempt === 5) throw new Error('screenshots: the quick fix menu never listed the fix');
      await page.keyboard.press('Escape');
    }
    await shoot(page, 'quick-fix', lang, [fixLine], [menu]);
    await page.keyboard.press('Escape');

    // The Problems panel, below the lines of the findings (the margin would show a strip of the status bar).
    await page.keyboard.press('Control+Shift+M');
    const problems = page.locator('.markers-panel');
    await problems.locator('.monaco-list-row', { hasText: 'share-mismatch' }).waitFor();
    await goTo(page, SHARE);
    const line = await cursorLine();
    await shoot(page, 'problems', lang, [{ ...line, y: line.y - 120 }], [page.locator('.part.panel')], 0);
    await page.keyboard.press('Control+Shift+M'); // the panel closed again

    // The overview, opened from the command palette as a user would, in a taller window.
    await resize(page, TALL);
    await page.keyboard.press('F1');
    await page.keyboard.type(strings.overview);
    const palette = page.locator('.quick-input-widget');
    await palette.locator('.monaco-list-row', { hasText: strings.overview }).first().waitFor();
    await page.keyboard.press('Enter');
    await palette.waitFor({ state: 'hidden' });
    const sidebar = page.locator('.part.sidebar');
    await sidebar.locator('.monaco-list-row', { hasText: strings.disagree }).first().waitFor();
    await sidebar.locator('.monaco-list-row', { hasText: '公开01表' }).first().waitFor();
    // The view's title and its rows, not the empty sidebar below them.
    await shoot(page, 'overview', lang, [], [sidebar.locator('.composite.title'), sidebar.locator('.monaco-list-rows').first()], 4);
  } finally {
    await workbench.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

execFileSync('bash', [join(ROOT, 'scripts/vscode-test-setup.sh'), '--screenshots'], { stdio: 'inherit' });
execFileSync(process.execPath, [join(ROOT, 'esbuild.mjs')], { stdio: 'inherit', cwd: ROOT });
mkdirSync(IMAGES, { recursive: true });
for (const [lang, strings] of Object.entries(LANGUAGES)) await takePictures(lang, strings);
