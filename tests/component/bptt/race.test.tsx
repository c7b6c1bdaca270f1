import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as tf from '@tensorflow/tfjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ReactNode } from 'react';
import type { BackendInitResult } from '../../../src/core/runtime';
import { createTrainingHost } from '../../../src/core/worker/host';
import type { FromWorker, ToWorker } from '../../../src/core/worker/protocol';
import { trainInWorker } from '../../../src/core/worker/trainInWorker';
import type { Lang } from '../../../src/i18n/lang';
import { LangContext } from '../../../src/i18n/useLang';
import SequenceRace from '../../../src/widgets/bptt/SequenceRace';
import { getRaceView, resetRace, setRaceRunner } from '../../../src/widgets/bptt/raceStore';
import { useCpuRuntime } from '../lstm/setup';

/**
 * The race's workers, played in this thread: the real worker host (the code inside
 * trainWorker.ts) behind an object with a Worker's postMessage / onmessage, so the page side
 * (trainInWorker, the store, the widget) runs exactly as in the browser, on tfjs's cpu backend.
 */
function inThreadWorker(): Worker {
  const worker = {
    onmessage: null as ((event: MessageEvent<FromWorker>) => void) | null,
    onerror: null,
    terminated: false,
    postMessage(message: ToWorker) {
      host.handle(message);
    },
    terminate() {
      worker.terminated = true;
    },
  };
  const host = createTrainingHost(
    (message) =>
      setTimeout(() => {
        if (!worker.terminated) worker.onmessage?.({ data: message } as MessageEvent<FromWorker>);
      }),
    async (): Promise<BackendInitResult> => ({ backend: 'cpu', reason: 'no-wasm', failures: [] }),
  );
  return worker as unknown as Worker;
}

beforeAll(async () => {
  await useCpuRuntime();
  setRaceRunner(async (job, callbacks) =>
    trainInWorker(job, callbacks, { worker: inThreadWorker() }),
  );
});
afterEach(() => resetRace());
afterAll(() => setRaceRunner(null));

function renderAt(node: ReactNode, query = '', lang: Lang = 'ko') {
  window.location.hash = `#/lessons/bptt${query ? `?${query}` : ''}`;
  return render(<LangContext value={lang}>{node}</LangContext>);
}
const hashParams = () => new URLSearchParams(window.location.hash.split('?')[1] ?? '');
const widget = () => document.querySelector<HTMLElement>('.seq-race')!;
const progress = () => Number(screen.getByTestId('race-progress').getAttribute('value'));
const SMALL = 'race.samples=200&race.steps=10&race.epochs=3&race.batch=64';

describe('SequenceRace', () => {
  it('keeps its settings, presets, L2 and batch normalisation in the link', async () => {
    const user = userEvent.setup();
    renderAt(<SequenceRace />, '', 'en');
    const quick = screen.getByRole('button', { name: 'Quick race (default)' });
    expect(quick).toHaveAttribute('aria-pressed', 'true');
    const estimate = screen.getByTestId('race-estimate').textContent;
    await user.click(screen.getByRole('button', { name: 'The course’s full size (long run)' }));
    expect(hashParams().get('race.steps')).toBe('100');
    expect(hashParams().get('race.epochs')).toBe('100');
    expect(hashParams().get('race.samples')).toBe('2560');
    expect(screen.getByTestId('race-estimate').textContent).not.toBe(estimate);
    expect(screen.getByTestId('race-estimate')).toHaveTextContent(/min/);
    await user.click(screen.getByRole('button', { name: '0.001' }));
    expect(hashParams().get('race.l2')).toBe('0.001');
    await user.click(
      screen.getByRole('checkbox', {
        name: 'Batch normalization (between the two recurrent layers)',
      }),
    );
    expect(hashParams().get('race.bn')).toBe('1');
    // Batch normalisation adds 4 × 30 numbers (γ, β and the two moving statistics).
    const lstmRow = screen.getByRole('row', { name: /^LSTM/ });
    expect(lstmRow).toHaveTextContent('11,431');
    await user.click(quick);
    expect(hashParams().get('race.steps')).toBeNull();
    expect(hashParams().get('race.l2')).toBeNull();
    expect(hashParams().get('race.bn')).toBeNull();
  });

  it('races both models to the end: curves, baseline, progress, time and backend', async () => {
    const user = userEvent.setup();
    renderAt(<SequenceRace />, SMALL);
    await user.click(screen.getByRole('button', { name: '경주 시작' }));
    await waitFor(() => expect(widget().dataset.status).toBe('completed'), { timeout: 60_000 });
    expect(progress()).toBe(1000);
    expect(screen.getByTestId('race-steps')).toHaveTextContent(
      'SimpleRNN 9/9 스텝 · LSTM 9/9 스텝',
    );
    expect(screen.getByTestId('race-time')).toHaveTextContent(/지남/);
    expect(screen.getByTestId('race-time')).toHaveTextContent(
      '계산 장치: 자바스크립트 (JavaScript, CPU)',
    );
    const chart = screen.getByRole('figure', { name: '에포크별 손실과 검증 손실 (로그 축)' });
    const paths = [...chart.querySelectorAll('path.series')];
    expect(paths.map((p) => p.getAttribute('data-series'))).toEqual([
      'simpleRNN-loss',
      'simpleRNN-val',
      'lstm-loss',
      'lstm-val',
      'baseline',
    ]);
    for (const path of paths) expect(path.getAttribute('d')).toMatch(/^M.*L/);
    // Three epochs: three points per curve (M + 2 L).
    expect(paths[3]!.getAttribute('d')!.match(/L/g)).toHaveLength(2);
    const view = getRaceView();
    expect(view.models.lstm.valLoss).toHaveLength(3);
    expect(view.models.simpleRNN.valLoss).toHaveLength(3);
    expect(view.baseline!.validation).toBeGreaterThan(0.02);
    expect(screen.getByRole('row', { name: /^SimpleRNN/ })).toHaveTextContent('2,851');
    expect(screen.getByTestId('race-verdict')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('경주를 마쳤습니다.');
  }, 180_000);

  it('pauses, resumes, survives a language switch and cancels', async () => {
    const user = userEvent.setup();
    const before = tf.memory().numTensors;
    const first = renderAt(<SequenceRace />, SMALL.replace('epochs=3', 'epochs=40'));
    await user.click(screen.getByRole('button', { name: '경주 시작' }));
    await waitFor(() => expect(progress()).toBeGreaterThan(0), { timeout: 30_000 });
    await user.click(screen.getByRole('button', { name: '일시 정지' }));
    expect(widget().dataset.status).toBe('paused');
    expect(screen.getByRole('status')).toHaveTextContent('일시 정지했습니다.');
    // Let any step under way report, then nothing moves while paused.
    await act(() => new Promise((resolve) => setTimeout(resolve, 400)));
    const held = getRaceView().models;
    await act(() => new Promise((resolve) => setTimeout(resolve, 400)));
    expect(getRaceView().models.lstm.steps).toBe(held.lstm.steps);
    expect(getRaceView().models.simpleRNN.steps).toBe(held.simpleRNN.steps);
    await user.click(screen.getByRole('button', { name: '계속' }));
    expect(widget().dataset.status).toBe('running');
    await waitFor(() => expect(getRaceView().models.lstm.steps).toBeGreaterThan(held.lstm.steps));

    // The language switch remounts the lesson: the race and its curves carry on.
    first.unmount();
    renderAt(<SequenceRace />, SMALL.replace('epochs=3', 'epochs=40'), 'en');
    expect(widget().dataset.status).toBe('running');
    const afterSwitch = getRaceView().models.lstm.steps;
    await waitFor(() => expect(getRaceView().models.lstm.steps).toBeGreaterThan(afterSwitch));
    expect(screen.getByRole('button', { name: 'Pause' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(widget().dataset.status).toBe('cancelled'), { timeout: 20_000 });
    expect(screen.getByRole('status')).toHaveTextContent('The race was cancelled.');
    expect(getRaceView().models.lstm.status).toBe('cancelled');
    expect(screen.getByRole('button', { name: 'Race again' })).toBeEnabled();
    expect(tf.memory().numTensors).toBe(before);
  }, 180_000);
});
