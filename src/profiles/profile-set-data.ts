/**
 * The trained profile set as plain data: what trainProfiles returns inside a ProfileSet, what
 * saveProfiles writes and loadProfiles reads back. Everything a prediction needs is here.
 */
import type { FitMetrics } from "./fit-metrics.js";
import type { ModelArtifact, ModelChoice, RegressorFamily, ResidualMode } from "./regressors/types.js";
import type { TfBackendName } from "./tf-backend.js";
import type { ProfileTarget } from "./types.js";

export const PROFILES_FORMAT = "sluice-profiles";
export const PROFILES_FORMAT_VERSION = 1;

export interface CandidateSummary {
  readonly family: RegressorFamily;
  readonly status: "fitted" | "not-applicable";
  readonly mapePercent: number | null;
  readonly r2: number | null;
  readonly reason?: string;
}

export interface TargetProfileData {
  readonly model: ModelArtifact;
  readonly selection: "auto" | "forced" | "fallback";
  readonly selectionNote?: string;
  readonly residualMode: ResidualMode;
  /** Held-out residuals of the chosen family, sorted: their quantiles give the intervals. */
  readonly residuals: readonly number[];
  readonly metrics: FitMetrics;
  readonly candidates: readonly CandidateSummary[];
}

export interface FunctionProfileData {
  readonly app: string;
  readonly rows: number;
  readonly distinctInputSizes: number;
  readonly inputBytesMin: number;
  readonly inputBytesMax: number;
  readonly targets: Readonly<Record<ProfileTarget, TargetProfileData>>;
}

export interface ProfileSetMetadata {
  readonly format: typeof PROFILES_FORMAT;
  readonly formatVersion: typeof PROFILES_FORMAT_VERSION;
  readonly producer: string;
  readonly trainedAt: string;
  /** SHA-256 of the trace records trained on (see hashTraces). */
  readonly tracesSha256: string;
  readonly traceRows: number;
  readonly apps: readonly string[];
  /** The TensorFlow.js backend that trained MLPs, or none when no MLP was trained. */
  readonly backend: TfBackendName | "none";
  readonly trainingMs: number;
  readonly options: { readonly model: ModelChoice | Partial<Record<ProfileTarget, ModelChoice>>; readonly folds: number; readonly seed: number };
}

export interface ProfileSetData {
  readonly metadata: ProfileSetMetadata;
  readonly functions: Readonly<Record<string, FunctionProfileData>>;
}
