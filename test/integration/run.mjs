// `npm run test:integration`: sets up code-server + Chromium (once, cached in .vscode-test/),
// bundles the extension and the tests, and runs the tests inside a real VS Code through
// @vscode/test-electron's runTests, with test/integration/runner/launch.mjs as "VS Code".
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';
import { build } from 'esbuild';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const SUITE = join(ROOT, 'test/integration/suite');

execFileSync('bash', [join(ROOT, 'scripts/vscode-test-setup.sh')], { stdio: 'inherit' });
execFileSync(process.execPath, [join(ROOT, 'esbuild.mjs')], { stdio: 'inherit', cwd: ROOT });
// A fresh output folder per run: two runs at once never share compiled tests.
// Inside the project, so the tests resolve mocha from its node_modules.
mkdirSync(join(ROOT, 'out'), { recursive: true });
const OUT = mkdtempSync(join(ROOT, 'out', 'integration-'));
await build({
  entryPoints: readdirSync(SUITE).filter((f) => f.endsWith('.ts')).map((f) => join(SUITE, f)),
  outdir: OUT,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});

const workspace = mkdtempSync(join(tmpdir(), 'gouji-workspace-'));
try {
  await runTests({
    vscodeExecutablePath: join(ROOT, 'test/integration/runner/launch.mjs'),
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: join(OUT, 'index.js'),
    launchArgs: [workspace],
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  rmSync(workspace, { recursive: true, force: true });
  rmSync(OUT, { recursive: true, force: true });
}
