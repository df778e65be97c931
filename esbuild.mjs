// Bundles the CLI and the extension into one small CommonJS file each.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: process.argv.includes('--minify'),
  logLevel: 'warning',
  // ESM builds first: jsonc-parser's UMD build requires its modules dynamically, which a bundle cannot follow.
  mainFields: ['module', 'main'],
};

await build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js' });
// The extension is two bundles: the glue, loaded at activation, and the engine, loaded on first
// use (src/extension/engine.ts requires it as ./engine.js).
await build({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode', './engine.js'] });
await build({ ...common, entryPoints: ['src/extension/engine-api.ts'], outfile: 'dist/engine.js' });
