// The engine, loaded on first use rather than at activation. It is a bundle of its own
// (dist/engine.js, from engine-api.ts): compiling and evaluating it (remark, zod's schemas, the
// rules, the openai SDK) costs more than activation should, and most activations (a markdown
// file opened) never check a report. The glue imports the engine's types anywhere, and its
// values only through these functions.
import type * as Engine from './engine-api';

let engine: typeof Engine | undefined;

export function loadEngine(): typeof Engine {
  // A path esbuild leaves alone (external): resolved beside dist/extension.js at run time.
  return (engine ??= require('./engine.js') as typeof Engine);
}

/** The model's part of the engine (src/llm). */
export function loadModel(): typeof Engine.model {
  return loadEngine().model;
}
