import { fireEvent, render, screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../../src/i18n/lang';
import { LangContext } from '../../../src/i18n/useLang';
import { findLesson, loadLesson } from '../../../src/lessons/registry';
import { summarizeModel } from '../../../src/core/params';
import DataUpload from '../../../src/widgets/sentiment/DataUpload';
import SentimentTrainer from '../../../src/widgets/sentiment/SentimentTrainer';
import TextPipeline from '../../../src/widgets/sentiment/TextPipeline';
import WordByWord from '../../../src/widgets/sentiment/WordByWord';
import { sentimentLayers } from '../../../src/widgets/sentiment/training/modelSpec';
import { renderLessonContent } from '../../support/renderLesson';
import { useCpuRuntime } from '../lstm/setup';

beforeAll(useCpuRuntime);

function at(ui: React.ReactElement, lang: Lang = 'ko', query = '') {
  window.location.hash = `#/lessons/sentiment${query ? `?${query}` : ''}`;
  return render(<LangContext value={lang}>{ui}</LangContext>);
}

describe('TextPipeline', () => {
  it('ko: shows every stage for a Korean example, josa and truncation from the URL', () => {
    at(<TextPipeline />, 'ko', 'pipe.sample=ko1&pipe.josa=1&pipe.trunc=4');
    expect(screen.getByTestId('pipe-cleaned')).toHaveTextContent(
      '이 영화가 정말 재미있었어요 배우들의 연기도 최고 ㅋㅋ',
    );
    const tokens = screen.getByTestId('pipe-tokens');
    expect(within(tokens).getByText('재미있었')).toBeInTheDocument();
    expect(tokens).toHaveTextContent('+가');
    expect(screen.getByTestId('pipe-ids')).toHaveTextContent('영화 →');
    expect(screen.getByTestId('pipe-padded').querySelectorAll('li')).toHaveLength(8);
    expect(screen.getByTestId('pipe-embedding').querySelectorAll('tbody tr')).toHaveLength(8);
  });

  it('en: toggling a cleaning rule changes the result; own text is kept', () => {
    at(<TextPipeline />, 'en', 'pipe.sample=en1');
    expect(screen.getByTestId('pipe-cleaned')).toHaveTextContent(
      'i loved this movie the acting was great',
    );
    fireEvent.click(screen.getByRole('checkbox', { name: /^\s*\/\[A-Z\]\/g/ }));
    expect(screen.getByTestId('pipe-cleaned')).toHaveTextContent('I LOVED this movie');
    fireEvent.change(screen.getByTestId('pipe-input'), { target: { value: 'zebra movie' } });
    expect(screen.getByTestId('pipe-ids')).toHaveTextContent('zebra → 1');
    expect(window.location.hash).toContain('pipe.sample=own');
  });
});

describe('SentimentTrainer', () => {
  it('shows Keras parameter counts that follow the controls', () => {
    at(<SentimentTrainer />, 'ko');
    const expected = summarizeModel(
      sentimentLayers('lstm', { vocab: 10000, embedding: 32, units: 32 }),
      [100],
    ).total;
    expect(screen.getByTestId('sent-total-params')).toHaveTextContent(
      expected.toLocaleString('en-US'),
    );
    fireEvent.change(screen.getByLabelText('모델'), { target: { value: 'gru' } });
    const gru = summarizeModel(
      sentimentLayers('gru', { vocab: 10000, embedding: 32, units: 32 }),
      [100],
    ).total;
    expect(screen.getByTestId('sent-total-params')).toHaveTextContent(gru.toLocaleString('en-US'));
    expect(window.location.hash).toContain('sent.model=gru');
  });
});

describe('WordByWord', () => {
  it('asks for a model before one is trained', () => {
    at(<WordByWord />, 'en');
    expect(screen.getByTestId('wbw-none')).toHaveTextContent(/Train a model/);
  });
});

describe('DataUpload', () => {
  it('renders its controls in both languages', () => {
    const { unmount } = at(<DataUpload />, 'ko');
    expect(screen.getByText('내 데이터로 학습하기')).toBeInTheDocument();
    unmount();
    at(<DataUpload />, 'en');
    expect(screen.getByLabelText(/Choose a file/)).toBeInTheDocument();
  });
});

describe('the sentiment lesson', () => {
  for (const lang of ['ko', 'en'] as const) {
    it(`${lang}: title, math and every widget load`, async () => {
      const Content = (await loadLesson('sentiment', lang))!.default;
      const { container } = renderLessonContent('sentiment', lang, Content);
      expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
        findLesson('sentiment')!.lesson.title[lang],
      );
      expect(container.querySelector('.katex-error')).toBeNull();
      expect(
        await screen.findByTestId('pipe-cleaned', {}, { timeout: 15_000 }),
      ).toBeInTheDocument();
      expect(
        await screen.findByTestId('sent-summary', {}, { timeout: 15_000 }),
      ).toBeInTheDocument();
      expect(await screen.findByTestId('upload-file', {}, { timeout: 15_000 })).toBeInTheDocument();
      expect(await screen.findByTestId('wbw-input', {}, { timeout: 15_000 })).toBeInTheDocument();
      expect(await screen.findByTestId('model-export', {}, { timeout: 15_000 })).toBeDisabled();
      // No model yet: the word map shows its hint instead of a plot.
      expect(screen.queryByTestId('map-svg')).toBeNull();
    });
  }
});
