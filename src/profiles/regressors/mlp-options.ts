/** The MLP's training options, apart from mlp.ts so that TrainOptions names them without TensorFlow's types (see tf-backend-name.ts). */
export interface MlpOptions {
  readonly hiddenUnits: number;
  readonly epochs: number;
  readonly learningRate: number;
  readonly seed: number;
}
