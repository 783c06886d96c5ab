/**
 * The TensorFlow.js backend names, apart from tf-backend.ts: the public types (TrainOptions, a
 * profile set's `backend`) name them without importing TensorFlow's own types, so a consumer's
 * `tsc` never loads @tensorflow/tfjs-core's declarations (which need @types/long in scope).
 */
export type TfBackendName = "tensorflow" | "wasm" | "cpu";
export type TfBackendPreference = "auto" | TfBackendName;
