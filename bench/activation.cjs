// Activation cost outside VS Code: loading dist/extension.js and running activate() against a
// stand-in for the `vscode` module that accepts every call (the real one is only inside VS Code;
// the integration tests cannot time activation, because VS Code's chat input — a plain-text
// document — activates Gouji before any test runs). Run by bench.ts; prints one JSON line.
const Module = require('node:module');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

// Every name the real module exports, so the bundle's import wrapper copies them all.
const names = [...readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8').matchAll(/^\texport (?:namespace|class|enum|const|function|let) (\w+)/gm)].map((m) => m[1]);
const anything = new Proxy(function () {}, {
  get: (_, key) => (key === 'then' ? undefined : key === Symbol.toPrimitive ? () => '' : anything),
  apply: () => anything,
  construct: () => anything,
  set: () => true,
});
const stub = Object.fromEntries(names.map((n) => [n, anything]));
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? stub : load.call(this, request, ...rest);
};

const bundle = join(__dirname, '..', 'dist', 'extension.js');
const t0 = performance.now();
const extension = require(bundle);
const t1 = performance.now();
extension.activate({ subscriptions: [], extensionUri: anything, secrets: anything, globalState: anything, workspaceState: anything, extensionPath: '' });
const t2 = performance.now();
console.log(JSON.stringify({ requireMs: t1 - t0, activateMs: t2 - t1 }));
