/**
 * The engine registry: a name → a lazily imported engine module, imported once and cached, so a
 * caller that only uses HiGHS never loads GLPK's or jsLPSolver's code (and their wasm inits run
 * once, on first use, inside each engine).
 */

import type { MilpEngine } from "./engine.js";
import type { EngineName } from "./result.js";

export const ENGINE_NAMES: readonly EngineName[] = ["highs", "glpk", "jslp"];

const factories: Record<EngineName, () => Promise<MilpEngine>> = {
  highs: () => import("./highs-engine.js").then((m) => m.highsEngine),
  glpk: () => import("./glpk-engine.js").then((m) => m.glpkEngine),
  jslp: () => import("./jslp-engine.js").then((m) => m.jslpEngine),
};

const loaded = new Map<EngineName, Promise<MilpEngine>>();

export function loadEngine(name: EngineName): Promise<MilpEngine> {
  let engine = loaded.get(name);
  if (engine === undefined) {
    engine = factories[name]();
    engine.catch(() => loaded.delete(name));
    loaded.set(name, engine);
  }
  return engine;
}
