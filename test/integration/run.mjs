// `npm run test:integration`: sets up code-server + Chromium (once, cached in .vscode-test/),
// bundles the extension and the tests, and runs the tests inside a real VS Code through
// @vscode/test-electron's runTests, with test/integration/runner/launch.mjs as "VS Code".
//
// A test file's name picks the VS Code session it runs in: NAME.test.ts runs in the default
// one, NAME.VARIANT.test.ts in VARIANT's (see SESSIONS). Sessions run one after another, each
// in a fresh profile and workspace; the run fails if any of them fails.
// GOUJI_TEST_VARIANT=zh runs one session only; GOUJI_TEST_GREP selects tests (suite/index.ts).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';
import { build } from 'esbuild';
import { installExtension } from './runner/workbench.mjs';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const SUITE = join(ROOT, 'test/integration/suite');

/** Each session's launch.mjs arguments, and what runs as the extension under development. */
const SESSIONS = {
  default: { args: [] },
  zh: { args: ['--locale=zh-cn'] }, // display language 简体中文
  untrusted: { args: ['--untrusted'] }, // the folder opens in restricted mode
  // The packaged .vsix, installed as a user installs it; an empty extension stands in as the
  // one under development, so the installed one is what runs.
  vsix: { args: [], developmentPath: join(SUITE, '..', 'vsix-host'), prepare: installPackage },
};

/** `npm run package`, then the .vsix installed into the session's extensions folder. */
function installPackage(extensionsDir) {
  execFileSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  installExtension(join(ROOT, 'gouji.vsix'), extensionsDir);
}

const variantOf = (file) => /\.([^.]+)\.test\.ts$/.exec(file)?.[1] ?? 'default';
const testFiles = readdirSync(SUITE).filter((f) => f.endsWith('.test.ts'));
for (const file of testFiles) {
  if (!(variantOf(file) in SESSIONS)) throw new Error(`${file}: no session "${variantOf(file)}" (sessions: ${Object.keys(SESSIONS).join(', ')})`);
}
const only = process.env.GOUJI_TEST_VARIANT;
const sessions = Object.keys(SESSIONS).filter((v) => (!only || v === only) && testFiles.some((f) => variantOf(f) === v));
if (!sessions.length) throw new Error(`no test files for GOUJI_TEST_VARIANT=${only}`);

execFileSync('bash', [join(ROOT, 'scripts/vscode-test-setup.sh')], { stdio: 'inherit' });
execFileSync(process.execPath, [join(ROOT, 'esbuild.mjs')], { stdio: 'inherit', cwd: ROOT });
// A fresh output folder per run: two runs at once never share compiled tests.
// Inside the project, so the tests resolve mocha from its node_modules.
mkdirSync(join(ROOT, 'out'), { recursive: true });
const OUT = mkdtempSync(join(ROOT, 'out', 'integration-'));

/** Runs one session's test files (with index.ts, which runs every test file beside it); true if they pass. */
async function runSession(variant) {
  const files = testFiles.filter((f) => variantOf(f) === variant);
  const out = join(OUT, variant);
  await build({
    entryPoints: ['index.ts', ...files].map((f) => join(SUITE, f)),
    outdir: out,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    external: ['vscode', 'mocha'],
    // ESM builds first, as in esbuild.mjs (jsonc-parser's UMD build cannot be bundled).
    mainFields: ['module', 'main'],
    logLevel: 'warning',
  });
  const scratch = mkdtempSync(join(tmpdir(), `gouji-${variant}-`));
  const workspace = join(scratch, 'workspace');
  mkdirSync(workspace);
  console.log(`\n== integration tests, ${variant} session: ${files.join(', ')}`);
  const { args, developmentPath = ROOT, prepare } = SESSIONS[variant];
  const extensionsDir = join(scratch, 'extensions');
  try {
    prepare?.(extensionsDir);
    await runTests({
      vscodeExecutablePath: join(ROOT, 'test/integration/runner/launch.mjs'),
      extensionDevelopmentPath: developmentPath,
      extensionTestsPath: join(out, 'index.js'),
      launchArgs: [workspace, `--user-data-dir=${join(scratch, 'user-data')}`, `--extensions-dir=${extensionsDir}`, ...args],
    });
    return true;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return false;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const results = [];
try {
  for (const variant of sessions) {
    const started = performance.now();
    const passed = await runSession(variant);
    results.push({ variant, passed, seconds: ((performance.now() - started) / 1000).toFixed(1) });
  }
} finally {
  rmSync(OUT, { recursive: true, force: true });
}
console.log('\n== integration tests');
for (const { variant, passed, seconds } of results) console.log(`${passed ? 'passed' : 'FAILED'}  ${variant} session (${seconds} s)`);
if (results.some((r) => !r.passed)) process.exitCode = 1;
