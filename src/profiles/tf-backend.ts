/**
 * Loads TensorFlow.js once per process and picks a backend: `@tensorflow/tfjs-node` when the user
 * has it installed (a guarded dynamic import), else the wasm backend, else the pure-JS cpu backend.
 * Only the MLP needs this; the other families never load TensorFlow.
 */
import { createRequire } from "node:module";
import path from "node:path";

import type { TfBackendName, TfBackendPreference } from "./tf-backend-name.js";

export type { TfBackendName, TfBackendPreference } from "./tf-backend-name.js";
export type Tf = typeof import("@tensorflow/tfjs-core");

export interface LoadedTf {
  readonly tf: Tf;
  readonly backend: TfBackendName;
}

const loaded = new Map<TfBackendPreference, Promise<LoadedTf>>();

async function tryNode(tf: Tf): Promise<boolean> {
  const name = "@tensorflow/tfjs-node";
  try {
    await import(name);
    return await tf.setBackend("tensorflow");
  } catch {
    return false;
  }
}

async function tryWasm(tf: Tf): Promise<boolean> {
  try {
    const wasm = await import("@tensorflow/tfjs-backend-wasm");
    const require = createRequire(import.meta.url);
    const dist = path.dirname(require.resolve("@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm"));
    wasm.setWasmPaths(dist + path.sep);
    return await tf.setBackend("wasm");
  } catch {
    return false;
  }
}

async function load(preference: TfBackendPreference): Promise<LoadedTf> {
  const tf = await import("@tensorflow/tfjs-core");
  // tfjs-layers registers the gradient functions that tfjs-core's node bundle leaves out.
  await import("@tensorflow/tfjs-layers");
  await import("@tensorflow/tfjs-backend-cpu");
  tf.env().set("PROD", true); // no console hints from the cpu backend
  if ((preference === "auto" || preference === "tensorflow") && (await tryNode(tf))) return { tf, backend: "tensorflow" };
  if ((preference === "auto" || preference === "wasm") && (await tryWasm(tf))) return { tf, backend: "wasm" };
  await tf.setBackend("cpu");
  await tf.ready();
  return { tf, backend: "cpu" };
}

/** TensorFlow with the preferred backend that works here; the result says which one it is. */
export function loadTensorflow(preference: TfBackendPreference = "auto"): Promise<LoadedTf> {
  let p = loaded.get(preference);
  if (p === undefined) {
    p = load(preference);
    loaded.set(preference, p);
  }
  return p.then(async (l) => {
    if (l.tf.getBackend() !== l.backend) await l.tf.setBackend(l.backend);
    return l;
  });
}
