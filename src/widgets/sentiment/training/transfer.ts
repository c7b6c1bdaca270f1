// Export of a trained model as Keras-layout JSON (layer list, weights by Keras name with their
// shapes, the vocabulary and the text pipeline), and a validated import back.
import { buildModel, type ModelLayerSpec } from '../../../core/models';
import { vocabularyFromJson, vocabularyToJson, type TextPipelineOptions } from '../../../core/text';
import type { LocalizedMessage } from '../../../core/training';
import { MODEL_KINDS, type SentimentModelKind } from './modelSpec';
import type { TrainedModel } from './trainingStore';

export const EXPORT_FORMAT = 'gatebook-sentiment/1';

export interface ExportedWeight {
  name: string;
  shape: number[];
  values: number[];
}

export interface ExportedModel {
  format: typeof EXPORT_FORMAT;
  kind: SentimentModelKind;
  layers: ModelLayerSpec[];
  inputShape: [number];
  seed: number;
  /** model.get_weights() order, Keras layout (kernel [in, 4H] with gates i, f, c, o …). */
  weights: ExportedWeight[];
  vocabulary: { words: string[]; oovToken: string };
  pipeline: TextPipelineOptions;
  padding: 'pre';
  truncating: 'pre';
}

export function exportModel(trained: TrainedModel): ExportedModel {
  const specs = trained.model.weightSpecs();
  const values = trained.model.getWeights();
  return {
    format: EXPORT_FORMAT,
    kind: trained.kind,
    layers: trained.layers,
    inputShape: [trained.maxlen],
    seed: trained.seed,
    weights: specs.map((s, k) => ({
      name: s.name,
      shape: [...s.shape],
      values: Array.from(values[k]!, (v) => Math.fround(v)),
    })),
    vocabulary: vocabularyToJson(trained.vocabulary),
    pipeline: trained.pipeline,
    padding: 'pre',
    truncating: 'pre',
  };
}

export class ImportError extends Error {
  constructor(readonly localized: LocalizedMessage) {
    super(localized.en);
  }
}

const fail = (ko: string, en: string): never => {
  throw new ImportError({ ko, en });
};

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses and checks an exported file; returns a trained model ready for the lesson. */
export function importModel(text: string): TrainedModel {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    fail(
      'JSON 파일이 아닙니다. 이 교재에서 내보낸 파일을 고르세요.',
      'This is not a JSON file. Choose a file exported from this textbook.',
    );
  }
  if (!isObject(json) || json.format !== EXPORT_FORMAT) {
    return fail(
      `형식이 다릅니다: "format": "${EXPORT_FORMAT}"인 파일이어야 합니다.`,
      `Wrong format: the file must have "format": "${EXPORT_FORMAT}".`,
    );
  }
  if (!MODEL_KINDS.includes(json.kind as SentimentModelKind)) {
    fail('모델 종류(kind)를 알 수 없습니다.', 'Unknown model kind.');
  }
  const inputShape = json.inputShape;
  if (
    !Array.isArray(inputShape) ||
    inputShape.length !== 1 ||
    !Number.isInteger(inputShape[0]) ||
    (inputShape[0] as number) < 1 ||
    (inputShape[0] as number) > 1000
  ) {
    fail(
      '입력 길이(inputShape)는 1…1000 사이의 정수 하나여야 합니다.',
      'The input shape must be one whole number from 1 to 1000.',
    );
  }
  const maxlen = (inputShape as number[])[0]!;
  if (!Array.isArray(json.layers) || !Array.isArray(json.weights)) {
    fail(
      '층(layers)과 가중치(weights) 목록이 필요합니다.',
      'The file needs "layers" and "weights" lists.',
    );
  }
  let vocabulary;
  try {
    vocabulary = vocabularyFromJson(json.vocabulary);
  } catch (error) {
    return fail(
      `어휘 사전이 올바르지 않습니다: ${(error as Error).message}`,
      `The vocabulary is not valid: ${(error as Error).message}`,
    );
  }
  const seed = typeof json.seed === 'number' ? json.seed : 0;
  let model;
  try {
    model = buildModel(json.layers as ModelLayerSpec[], [maxlen], { task: 'binary', seed });
  } catch (error) {
    return fail(
      `모델 설명이 올바르지 않습니다: ${(error as Error).message}`,
      `The model description is not valid: ${(error as Error).message}`,
    );
  }
  try {
    const specs = model.weightSpecs();
    const weights = json.weights as unknown[];
    if (weights.length !== specs.length) {
      fail(
        `가중치가 ${specs.length}개 있어야 하는데 ${weights.length}개입니다.`,
        `Expected ${specs.length} weights, found ${weights.length}.`,
      );
    }
    const values = specs.map((spec, k) => {
      const w = weights[k];
      const size = spec.shape.reduce((a, b) => a * b, 1);
      if (!isObject(w) || !Array.isArray(w.values) || !Array.isArray(w.shape)) {
        return fail(
          `${k + 1}번째 가중치에 shape와 values가 없습니다.`,
          `Weight ${k + 1} lacks "shape" and "values".`,
        );
      }
      if (w.shape.join(',') !== spec.shape.join(',') || w.values.length !== size) {
        return fail(
          `${spec.name}의 모양은 [${spec.shape.join(', ')}]이어야 하는데 [${w.shape.join(', ')}]입니다.`,
          `${spec.name} must have shape [${spec.shape.join(', ')}], found [${w.shape.join(', ')}].`,
        );
      }
      const arr = Float32Array.from(w.values as number[]);
      if (arr.some((v) => !Number.isFinite(v))) {
        fail(
          `${spec.name}에 숫자가 아닌 값이 있습니다.`,
          `${spec.name} holds a value that is not a finite number.`,
        );
      }
      return arr;
    });
    const embedding = (json.layers as unknown[])[0] as { kind?: string; inputDim?: number };
    if (embedding.kind !== 'embedding' || (embedding.inputDim ?? 0) < vocabulary.words.length) {
      fail(
        `어휘 사전의 단어 수(${vocabulary.words.length})가 임베딩의 inputDim보다 클 수 없습니다.`,
        `The vocabulary (${vocabulary.words.length} words) cannot be larger than the Embedding's inputDim.`,
      );
    }
    model.setWeights(values);
    const pipeline = isObject(json.pipeline) ? (json.pipeline as TextPipelineOptions) : {};
    return {
      model,
      layers: json.layers as ModelLayerSpec[],
      vocabulary,
      pipeline,
      maxlen,
      seed,
      kind: json.kind as SentimentModelKind,
      source: 'imported',
    };
  } catch (error) {
    model.dispose();
    throw error;
  }
}
