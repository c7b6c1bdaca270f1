// The lesson's models as layer lists (plain data: the parameter counter, the worker job and
// the page's rebuilt model all read the same list).
import type { ModelLayerSpec } from '../../../core/models';

export const MODEL_KINDS = ['simpleRNN', 'lstm', 'gru', 'stacked'] as const;
export type SentimentModelKind = (typeof MODEL_KINDS)[number];

export interface ModelSize {
  /** Vocabulary size: the Embedding's inputDim (Keras num_words). */
  vocab: number;
  embedding: number;
  units: number;
}

/**
 * Embedding → one recurrent layer → Dense(1, sigmoid); or CURRICULUM §2's stacked model:
 * Embedding → Bidirectional(LSTM units, return_sequences) → BatchNormalization →
 * Bidirectional(LSTM units/2) → Dropout(0.2) → Dense(16, relu) → Dense(1, sigmoid) (the course
 * has 64/32 and a softmax over n classes; here two classes are one sigmoid).
 */
export function sentimentLayers(kind: SentimentModelKind, size: ModelSize): ModelLayerSpec[] {
  const embedding: ModelLayerSpec = {
    kind: 'embedding',
    inputDim: size.vocab,
    outputDim: size.embedding,
  };
  const head: ModelLayerSpec = { kind: 'dense', units: 1, activation: 'sigmoid' };
  if (kind !== 'stacked') return [embedding, { kind, units: size.units }, head];
  return [
    embedding,
    { kind: 'bidirectional', layer: { kind: 'lstm', units: size.units, returnSequences: true } },
    { kind: 'batchNormalization' },
    {
      kind: 'bidirectional',
      layer: { kind: 'lstm', units: Math.max(1, Math.round(size.units / 2)) },
    },
    { kind: 'dropout', rate: 0.2 },
    { kind: 'dense', units: 16, activation: 'relu' },
    head,
  ];
}
