#!/usr/bin/env node
// Stands in for a VS Code executable for @vscode/test-electron's runTests: opens the workbench
// (workbench.mjs) with the extension-test payload, relays the test host's log, and exits with
// the test run's code. Besides runTests' own arguments it reads VS Code's --locale=LOCALE and
// its own --untrusted (workspace trust on, folder not trusted; runTests always passes
// --disable-workspace-trust, which this overrides).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format } from 'node:util';
import { openWorkbench } from './workbench.mjs';

/** A safety net for a hung run, not a wait: the run ends on codeAutomationExit. */
const RUN_LIMIT_MS = Number(process.env.GOUJI_TEST_LIMIT_MS ?? 15 * 60_000);

function parseArgs(argv) {
  const options = {};
  const folders = [];
  for (const arg of argv) {
    const m = /^--([^=]+)(?:=(.*))?$/.exec(arg);
    if (m) options[m[1]] = m[2] ?? true;
    else folders.push(arg);
  }
  return { options, folder: folders[0] };
}

async function main() {
  const { options, folder } = parseArgs(process.argv.slice(2));
  const { extensionDevelopmentPath, extensionTestsPath } = options;
  if (!extensionDevelopmentPath || !extensionTestsPath) throw new Error('launch.mjs: --extensionDevelopmentPath and --extensionTestsPath are required');
  const scratch = mkdtempSync(join(tmpdir(), 'gouji-vscode-'));
  let settle;
  const exitCode = new Promise((ok, fail) => (settle = { ok, fail }));
  let workbench;
  try {
    workbench = await openWorkbench({
      folder,
      userDataDir: options['user-data-dir'] ?? join(scratch, 'user-data'),
      extensionsDir: options['extensions-dir'] ?? join(scratch, 'extensions'),
      locale: options.locale ?? 'en',
      trusted: !options.untrusted,
      // VS Code's own AI features have no account or network here, and cost startup time.
      settings: { 'chat.disableAIFeatures': true },
      payload: { extensionDevelopmentPath, extensionTestsPath },
      beforeLoad: async (page) => {
        await page.exposeFunction('codeAutomationExit', (code) => settle.ok(Number(code)));
        await page.exposeFunction('codeAutomationLog', (type, args) => {
          const line = format(...(Array.isArray(args) ? args : [args]));
          (type === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
        });
        page.once('crash', () => settle.fail(new Error('the workbench page crashed')));
      },
    });
    workbench.serverExit.then((code) => settle.fail(new Error(`code-server exited during the run (${code})`)));
    setTimeout(() => settle.fail(new Error(`no test result after ${RUN_LIMIT_MS} ms`)), RUN_LIMIT_MS).unref();
    return await exitCode;
  } finally {
    await workbench?.close();
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
