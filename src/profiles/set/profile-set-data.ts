/**
 * The trained profile set as plain data: what trainProfiles returns inside a ProfileSet, what
 * saveProfiles writes and loadProfiles reads back (format version 2; version 1 files are read and
 * converted). Everything a prediction needs is here, in a size that does not grow with the traces:
 * residuals are a fixed-size summary, not the residuals themselves.
 */
import type { FitMetrics } from "./fit-metrics.js";
import type { MemoryFactor } from "./memory-factor.js";
import type { ModelArtifact, ModelChoice, RegressorFamily } from "../regressors/types.js";
import type { ResidualSummaryData } from "./residual-summary.js";
import type { TfBackendName } from "../tf-backend-name.js";
import type { ProfileTarget, Segment } from "../types.js";

export const PROFILES_FORMAT = "sluice-profiles";
export const PROFILES_FORMAT_VERSION = 2;

export interface CandidateSummary {
  readonly family: RegressorFamily;
  readonly status: "fitted" | "not-applicable" | "refused";
  readonly kfoldMapePercent: number | null;
  readonly extrapolationMapePercent: number | null;
  readonly r2: number | null;
  readonly reason?: string;
}

export interface TargetProfileData {
  /** The model `predict` uses: its point value is the median prediction. */
  readonly model: ModelArtifact;
  /** For runtime traced at several memory settings: the memory law (memory-factor.ts). */
  readonly memoryFactor?: MemoryFactor;
  readonly selection: "auto" | "forced" | "fallback";
  readonly selectionNote?: string;
  /** Held-out residuals of the chosen family, as a fixed-size quantile summary (residual-summary.ts). */
  readonly residuals: ResidualSummaryData;
  /** Input sizes of the rows this target was trained on (stage input sizes for fanout). */
  readonly inputBytesMin: number;
  readonly inputBytesMax: number;
  readonly metrics: FitMetrics;
  readonly candidates: readonly CandidateSummary[];
}

export interface SegmentProfileData {
  /** Rows of this segment. */
  readonly rows: number;
  readonly distinctInputSizes: number;
  readonly inputBytesMin: number;
  readonly inputBytesMax: number;
  /** Memory settings the rows were traced at, when the trace has them. */
  readonly memorySettingsMb?: { readonly min: number; readonly max: number };
  /** A model per target that had rows; a target without rows is absent… */
  readonly targets: Readonly<Partial<Record<ProfileTarget, TargetProfileData>>>;
  /** …and says why here. */
  readonly untrained: Readonly<Partial<Record<ProfileTarget, string>>>;
}

export interface FunctionProfileData extends SegmentProfileData {
  readonly app: string;
  /** Which invocations the main profile was trained on: warm (and those not marked), or cold when the trace has only cold ones. */
  readonly segment: Segment;
  /** The cold-start profile, when the trace marks cold invocations beside warm ones. */
  readonly cold?: SegmentProfileData;
}

export interface ProfileSetMetadata {
  readonly format: typeof PROFILES_FORMAT;
  readonly formatVersion: typeof PROFILES_FORMAT_VERSION;
  readonly producer: string;
  readonly trainedAt: string;
  /** SHA-256 of the trace rows trained on (see hashTraces). */
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
