import * as tf from '@tensorflow/tfjs';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Lang } from '../../../src/i18n/lang';
import { LangContext } from '../../../src/i18n/useLang';
import LstmTraining from '../../../src/widgets/lstm/LstmTraining';
import { getTrained, setTrained } from '../../../src/widgets/lstm/trainedStore';
import { getTrainingView } from '../../../src/widgets/lstm/trainingController';
import { useCpuRuntime } from './setup';

beforeAll(useCpuRuntime);
beforeEach(() => setTrained(null));

function renderAt(query = '', lang: Lang = 'ko') {
  window.location.hash = `#/lessons/lstm${query ? `?${query}` : ''}`;
  return render(
    <LangContext value={lang}>
      <LstmTraining />
    </LangContext>,
  );
}

const widget = () => document.querySelector<HTMLElement>('.lstm-train')!;
const hashParams = () => new URLSearchParams(window.location.hash.split('?')[1] ?? '');
const finished = () =>
  waitFor(() => expect(widget().dataset.status).toMatch(/completed|cancelled/), {
    timeout: 15_000,
  });

describe('LstmTraining', () => {
  it('trains a few epochs: progress, loss curve, per-step predictions and accuracy', async () => {
    const user = userEvent.setup();
    renderAt('lstmTrain.epochs=12&lstmTrain.hidden=3&lstmTrain.lr=0.1');
    expect(
      screen.getByText('아직 학습하지 않았습니다. “학습 시작”을 누르세요.'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('lstm-accuracy')).toHaveTextContent('정확도 –/6');
    await user.click(screen.getByRole('button', { name: '학습 시작' }));
    await finished();
    expect(widget().dataset.status).toBe('completed');
    expect(screen.getByTestId('lstm-train-progress')).toHaveTextContent('12 / 12 에포크');
    expect(screen.getByRole('progressbar', { name: '학습 진행' })).toHaveAttribute('value', '12');
    expect(screen.getByRole('status')).toHaveTextContent('학습을 마쳤습니다: 12 에포크');
    const chart = screen.getByRole('figure', { name: '에포크별 학습 손실' });
    expect(chart.querySelector('path.series')?.getAttribute('d')).toMatch(/^M.+L/);
    expect(getTrainingView().losses).toHaveLength(12);
    const model = getTrained()!;
    expect(model.hidden).toBe(3);
    expect(screen.getByTestId('lstm-accuracy')).toHaveTextContent(`정확도 ${model.correct}/6`);
    const marks = screen
      .getByTestId('lstm-predictions')
      .querySelectorAll('td.is-right, td.is-wrong');
    expect(marks).toHaveLength(6);
    expect(screen.getByTestId('lstm-predictions').querySelectorAll('td.is-right')).toHaveLength(
      model.correct,
    );
    await user.click(screen.getByRole('button', { name: '위의 셀 그림에서 학습한 셀 보기' }));
    expect(hashParams().get('lstm.source')).toBe('trained');
    expect(screen.getByRole('button', { name: '다시 학습' })).toBeInTheDocument();
  });

  it('can be cancelled, and leaves no tensors behind after repeated runs', async () => {
    const user = userEvent.setup();
    renderAt('lstmTrain.epochs=400&lstmTrain.hidden=4');
    const before = tf.memory().numTensors;
    // The previous test's run is still on show (it lives outside the component).
    await user.click(screen.getByRole('button', { name: '다시 학습' }));
    await waitFor(() => expect(getTrainingView().epoch).toBeGreaterThan(2), { timeout: 10_000 });
    expect(document.querySelector('.lstm-train-settings')).toBeDisabled();
    await user.click(screen.getByRole('button', { name: '취소' }));
    await finished();
    expect(widget().dataset.status).toBe('cancelled');
    expect(getTrainingView().epoch).toBeLessThan(400);
    expect(tf.memory().numTensors).toBe(before);
    await user.click(screen.getByRole('button', { name: '다시 학습' }));
    await waitFor(() => expect(getTrainingView().epoch).toBeGreaterThan(1), { timeout: 10_000 });
    await user.click(screen.getByRole('button', { name: '취소' }));
    await finished();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('speaks English, and disappears when a classroom link hides training', async () => {
    const { unmount } = renderAt('', 'en');
    expect(screen.getByRole('heading', { level: 3 })).toHaveTextContent(
      'Train it yourself: predict the next character of “hihello”',
    );
    expect(screen.getByRole('slider', { name: 'Hidden units' })).toHaveValue('5');
    unmount();
    renderAt('classroom=1&hide=training');
    expect(document.querySelector('.lstm-train')).toBeNull();
  });
});
