import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Lang } from '../../../src/i18n/lang';
import { LangContext } from '../../../src/i18n/useLang';
import GruRace from '../../../src/widgets/gru/GruRace';
import { useCpuRuntime } from '../lstm/setup';

beforeAll(useCpuRuntime);

// jsdom has no Web Worker: run each race job on this thread, as the worker would.
vi.mock('../../../src/core/worker/trainInWorker', async () => {
  const { buildJob } = await import('../../../src/core/worker/jobs');
  const { train } = await import('../../../src/core/training');
  return {
    trainInWorker: (job: Parameters<typeof buildJob>[0], callbacks: object) => {
      const built = buildJob(job);
      const run = train(built.model, built.data, job.options ?? {}, callbacks);
      return {
        cancel: () => run.cancel(),
        done: run.done.finally(() => built.dispose()),
        ready: Promise.resolve({ backend: 'cpu' }),
      };
    },
  };
});

function renderAt(query: string, lang: Lang = 'ko') {
  window.location.hash = `#/lessons/gru${query ? `?${query}` : ''}`;
  return render(
    <LangContext value={lang}>
      <GruRace />
    </LangContext>,
  );
}

const params = (arch: string) =>
  Number(
    document
      .querySelector(`[data-testid="gru-race-table"] tr[data-arch="${arch}"] td[data-params]`)!
      .getAttribute('data-params'),
  );

describe('GruRace', () => {
  it('sizes by an equal budget and runs a short race to the end', async () => {
    const user = userEvent.setup();
    renderAt('gruRace.hidden=4&gruRace.epochs=2');
    expect(params('lstm')).toBe(4 * 4 * 7 + 5);
    expect(params('gru')).toBe(3 * 4 * 8 + 5);
    await user.click(screen.getByRole('button', { name: '파라미터 수를 같게' }));
    expect(params('gru')).toBeLessThanOrEqual(params('lstm'));
    await user.click(screen.getByRole('button', { name: '경주 시작' }));
    await screen.findByText('경주를 마쳤습니다.', undefined, { timeout: 30_000 });
    expect(screen.getByTestId('gru-race-progress')).toHaveTextContent('4 / 4');
    expect(screen.getByTestId('gru-race-backend')).toHaveTextContent('cpu');
    expect(document.querySelectorAll('path.series').length).toBeGreaterThan(0);
  }, 40_000);

  it('speaks English', () => {
    renderAt('', 'en');
    expect(
      screen.getByRole('heading', { name: 'A fair race: GRU against LSTM' }),
    ).toBeInTheDocument();
  });
});
