import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Lang } from '../../../src/i18n/lang';
import { LangContext } from '../../../src/i18n/useLang';
import LdaExplorer from '../../../src/widgets/lda/LdaExplorer';
import { getLdaView, resetLdaView, setCustomCorpus } from '../../../src/widgets/lda/ldaController';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

// The requests the explorer sent, newest last.
const sent = vi.hoisted(() => [] as { lda: Record<string, unknown> }[]);

// jsdom has no Web Worker: run the job on this thread, exactly as the worker body does.
vi.mock('../../../src/core/lda/client', async () => {
  const { runLdaJob } = await import('../../../src/core/lda/job');
  return {
    trainLdaInWorker: (
      request: Parameters<typeof runLdaJob>[0],
      onMessage: (m: unknown) => void,
    ) => {
      sent.push(request as never);
      let cancelled = false;
      onMessage({ type: 'ready', backend: 'cpu' });
      void runLdaJob(request, onMessage as never, {
        wait: () => new Promise((r) => setTimeout(r, 0)),
        cancelled: () => cancelled,
      });
      return { cancel: () => (cancelled = true), terminate: () => (cancelled = true) };
    },
  };
});

const WEATHER = [
  '비가 많이 내리고 바람이 분다',
  '기온이 높고 구름이 많다',
  '태풍 때문에 비와 바람이 강하다',
];
const FOOTBALL = [
  '축구 경기에서 골을 넣었다',
  '감독은 경기 전술을 바꿨다',
  '선수가 골을 넣고 리그 경기를 이겼다',
];
const LINES = Array.from({ length: 30 }, (_, i) => (i % 2 ? FOOTBALL : WEATHER)[i % 3]).join('\n');

function renderAt(query: string, lang: Lang = 'ko') {
  window.location.hash = `#/lessons/lda${query ? `?${query}` : ''}`;
  return render(
    <LangContext value={lang}>
      <LdaExplorer />
    </LangContext>,
  );
}

beforeEach(() => {
  resetLdaView();
  setCustomCorpus({ text: '', name: '', format: 'lines', column: 'document' });
});

describe('LdaExplorer', () => {
  it('trains on a pasted corpus: topics, a coloured document, the map, and the runs table', async () => {
    const user = userEvent.setup();
    renderAt('lda.corpus=custom&lda.k=2&lda.iters=4&lda.minDf=1&lda.maxDf=1');
    await user.type(screen.getByTestId('lda-paste'), 'x');
    act(() => setCustomCorpus({ text: LINES }));
    await user.click(screen.getByRole('button', { name: '학습 시작' }));
    await waitFor(() => expect(getLdaView().status).toBe('finished'), { timeout: 20_000 });
    expect(await screen.findByTestId('lda-topics')).toBeInTheDocument();
    expect(screen.getAllByRole('list', { name: /토픽 \d의 상위 단어/ })).toHaveLength(2);
    const marks = screen.getByTestId('lda-document').querySelectorAll('mark[data-topic]');
    expect(marks.length).toBeGreaterThan(0);
    expect(screen.getAllByRole('radio', { name: /토픽 \d, 비율/ })).toHaveLength(2);
    expect(screen.getByTestId('lda-runs')).toHaveTextContent('직접 넣기');
    expect(screen.getByTestId('lda-progress')).toHaveTextContent('반복 4 / 4');
    expect(screen.getByTestId('lda-status')).toHaveTextContent('학습을 마쳤습니다.');
  }, 30_000);

  it('selects topics on the map with the arrow keys and keeps them in the URL', async () => {
    const user = userEvent.setup();
    setCustomCorpus({ text: LINES });
    renderAt('lda.corpus=custom&lda.k=3&lda.iters=2&lda.minDf=1&lda.maxDf=1');
    await user.click(screen.getByRole('button', { name: '학습 시작' }));
    await waitFor(() => expect(getLdaView().status).toBe('finished'), { timeout: 20_000 });
    const first = await screen.findByRole('radio', { name: /토픽 1,/ });
    first.focus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('radio', { name: /토픽 2,/ })).toHaveAttribute('aria-checked', 'true');
    expect(window.location.hash).toContain('lda.topic=1');
    expect(screen.getByTestId('lda-relevance')).toHaveTextContent('토픽 2');
  }, 30_000);

  it.each([
    ['ko', '', '말뭉치에 남은 단어가 없습니다'],
    ['en', 'rain rain\nrain', 'only one distinct word'],
  ] as const)(
    '%s: refuses an empty or one-word corpus with a message',
    async (lang, text, message) => {
      const user = userEvent.setup();
      setCustomCorpus({ text });
      renderAt('lda.corpus=custom&lda.minDf=1&lda.maxDf=1', lang);
      await user.click(screen.getByRole('button', { name: lang === 'ko' ? '학습 시작' : 'Train' }));
      expect(await screen.findByText(new RegExp(message))).toBeInTheDocument();
      expect(getLdaView().status).toBe('error');
    },
  );

  it('a language switch keeps a running training and its curves', async () => {
    const user = userEvent.setup();
    setCustomCorpus({ text: LINES });
    const view = renderAt('lda.corpus=custom&lda.k=2&lda.iters=30&lda.minDf=1&lda.maxDf=1');
    await user.click(screen.getByRole('button', { name: '학습 시작' }));
    await waitFor(() => expect(getLdaView().history.length).toBeGreaterThan(0), {
      timeout: 20_000,
    });
    view.unmount();
    renderAt('lda.corpus=custom&lda.k=2&lda.iters=30&lda.minDf=1&lda.maxDf=1', 'en');
    expect(screen.getByRole('button', { name: 'Stop' })).toBeInTheDocument();
    await waitFor(() => expect(getLdaView().history.length).toBeGreaterThan(2), {
      timeout: 20_000,
    });
    await user.click(screen.getByRole('button', { name: 'Stop' }));
    await waitFor(() => expect(getLdaView().status).toBe('cancelled'), { timeout: 20_000 });
    expect(screen.getByTestId('lda-status')).toHaveTextContent('Training stopped.');
  }, 40_000);

  it('online VB: the method choice shows κ, τ₀ and the batch size (sklearn defaults), sends them, keeps them in the URL', async () => {
    const user = userEvent.setup();
    setCustomCorpus({ text: LINES });
    const view = renderAt('lda.corpus=custom&lda.k=2&lda.iters=3&lda.minDf=1&lda.maxDf=1');
    const methods = screen.getByRole('group', { name: '학습 방식 (learning_method)' });
    expect(screen.getByRole('button', { name: '배치' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByTestId('lda-method-hint')).toHaveTextContent('배치 변분 베이즈');
    expect(screen.queryByTestId('lda-online')).toBeNull();
    await user.click(within(methods).getByRole('button', { name: '온라인' }));
    expect(window.location.hash).toContain('lda.method=online');
    expect(screen.getByTestId('lda-method-hint')).toHaveTextContent('온라인 변분 베이즈');
    const online = screen.getByTestId('lda-online');
    expect(
      within(online).getByRole('textbox', { name: '학습 감쇠 κ (learning_decay)' }),
    ).toHaveValue('0.70');
    expect(
      within(online).getByRole('textbox', { name: '학습 오프셋 τ₀ (learning_offset)' }),
    ).toHaveValue('10');
    const batch = within(online).getByRole('textbox', { name: '미니배치 크기 (batch_size)' });
    expect(batch).toHaveValue('128');
    expect(online).toHaveTextContent('0.5보다 크고 1 이하');
    await user.clear(batch);
    await user.type(batch, '8{Enter}');
    expect(window.location.hash).toContain('lda.batchSize=8');

    await user.click(screen.getByRole('button', { name: '학습 시작' }));
    await waitFor(() => expect(getLdaView().status).toBe('finished'), { timeout: 20_000 });
    expect(sent.at(-1)!.lda).toMatchObject({
      learningMethod: 'online',
      learningDecay: 0.7,
      learningOffset: 10,
      batchSize: 8,
    });
    expect(screen.getByTestId('lda-runs')).toHaveTextContent('온라인');
    expect(screen.queryByText('설정이 바뀌었습니다. 다시 학습하면 반영됩니다.')).toBeNull();
    // Back to batch: the change is flagged, and the request drops the online settings.
    await user.click(screen.getByRole('button', { name: '배치' }));
    expect(screen.getByText('설정이 바뀌었습니다. 다시 학습하면 반영됩니다.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '다시 학습' }));
    await waitFor(() => expect(getLdaView().runs).toHaveLength(2), { timeout: 20_000 });
    expect(sent.at(-1)!.lda.learningMethod).toBe('batch');
    expect(sent.at(-1)!.lda).not.toHaveProperty('batchSize');
    view.unmount();
  }, 40_000);

  it('reads the online settings from the URL and labels them in English', () => {
    renderAt(
      'lda.corpus=custom&lda.method=online&lda.decay=0.9&lda.offset=20&lda.batchSize=16',
      'en',
    );
    expect(screen.getByRole('button', { name: 'online' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByTestId('lda-method-hint')).toHaveTextContent('Online variational Bayes');
    expect(screen.getByRole('textbox', { name: 'learning decay κ (learning_decay)' })).toHaveValue(
      '0.90',
    );
    expect(
      screen.getByRole('textbox', { name: 'learning offset τ₀ (learning_offset)' }),
    ).toHaveValue('20');
    expect(screen.getByRole('textbox', { name: 'mini-batch size (batch_size)' })).toHaveValue('16');
  });
});
