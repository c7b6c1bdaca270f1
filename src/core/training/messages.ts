/** A sentence for the learner, in Korean (first) and English. */
export interface LocalizedMessage {
  ko: string;
  en: string;
}

/** What became non-finite: the loss, the gradient (its global norm) or the updated weights. */
export type DivergenceCause = 'loss' | 'gradient' | 'weights';

export interface DivergenceMessageInput {
  /** The step (1-based) whose numbers stopped being finite. */
  step: number;
  cause: DivergenceCause;
  /** The offending value (NaN or ±Infinity); NaN when unknown. */
  value: number;
  /** Steps applied in the snapshot the weights were put back to (0: the starting weights). */
  restoredStep: number;
  /** Whether clipping was already on (then the advice is a smaller threshold). */
  clipping: boolean;
}

/**
 * "손실이 41번째 스텝에서 NaN이 되었습니다. 기울기가 폭발했어요 — …" / "The loss became NaN at
 * step 41: the gradient exploded — …", plus where the weights were put back to.
 */
export function divergenceMessage(input: DivergenceMessageInput): LocalizedMessage {
  const { step, cause, value, restoredStep, clipping } = input;
  const isNaN = Number.isNaN(value);
  const koValue = isNaN ? 'NaN이' : '무한대가';
  const enValue = isNaN ? 'NaN' : 'infinite';
  const koWhat =
    cause === 'loss'
      ? `손실이 ${step}번째 스텝에서 ${koValue} 되었습니다.`
      : cause === 'gradient'
        ? `기울기 노름이 ${step}번째 스텝에서 ${koValue} 되었습니다.`
        : `가중치가 ${step}번째 스텝의 업데이트 뒤 ${koValue} 되었습니다.`;
  const enWhat =
    cause === 'loss'
      ? `The loss became ${enValue} at step ${step}`
      : cause === 'gradient'
        ? `The gradient norm became ${enValue} at step ${step}`
        : `The weights became ${enValue} after the update at step ${step}`;
  const koAdvice = clipping
    ? '클리핑 임계값을 줄이거나 학습률을 낮춰 보세요.'
    : '기울기 클리핑을 켜거나 학습률을 낮춰 보세요.';
  const enAdvice = clipping
    ? 'lower the clipping threshold or the learning rate.'
    : 'turn on gradient clipping or lower the learning rate.';
  const koRestored =
    restoredStep === 0
      ? '가중치는 처음 값으로 되돌렸습니다.'
      : `가중치는 ${restoredStep}번째 스텝 뒤의 값으로 되돌렸습니다.`;
  const enRestored =
    restoredStep === 0
      ? 'The weights were put back to their starting values.'
      : `The weights were put back to those after step ${restoredStep}.`;
  return {
    ko: `${koWhat} 기울기가 폭발했어요 — ${koAdvice} ${koRestored}`,
    en: `${enWhat}: the gradient exploded — ${enAdvice} ${enRestored}`,
  };
}
