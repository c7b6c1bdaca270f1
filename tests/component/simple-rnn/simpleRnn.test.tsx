import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReactNode } from 'react';
import type { Lang } from '../../../src/i18n/lang';
import { LangContext } from '../../../src/i18n/useLang';
import EmbeddingPadding from '../../../src/widgets/simple-rnn/EmbeddingPadding';
import RnnCell from '../../../src/widgets/simple-rnn/RnnCell';
import RnnTraining from '../../../src/widgets/simple-rnn/RnnTraining';
import { useCpuRuntime } from '../lstm/setup';

beforeAll(useCpuRuntime);

function renderAt(node: ReactNode, query = '', lang: Lang = 'ko') {
  window.location.hash = `#/lessons/simple-rnn${query ? `?${query}` : ''}`;
  return render(<LangContext value={lang}>{node}</LangContext>);
}
const hashParams = () => new URLSearchParams(window.location.hash.split('?')[1] ?? '');

describe('RnnCell', () => {
  it('steps through the unrolled sequence and keeps the step in the link', async () => {
    const user = userEvent.setup();
    renderAt(<RnnCell />);
    const svg = await waitFor(() => {
      const el = document.querySelector('svg.rnn-unrolled');
      expect(el).not.toBeNull();
      return el!;
    });
    expect(svg.getAttribute('data-step')).toBe('0');
    expect(screen.getByText(/t = 1 \/ 6, 입력 “h”/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '다음 단계' }));
    await user.click(screen.getByRole('button', { name: '다음 단계' }));
    expect(hashParams().get('rnnCell.t')).toBe('2');
    expect(document.querySelector('svg.rnn-unrolled')!.getAttribute('data-step')).toBe('2');
    expect(screen.getByText(/t = 3 \/ 6, 입력 “h”/)).toBeInTheDocument();
    expect(
      screen.getByRole('figure', { name: /타임 스텝별 은닉 상태 h/ }) ??
        screen.getByLabelText(/타임 스텝별 은닉 상태 h/),
    ).toBeTruthy();
  });
});

describe('RnnTraining', () => {
  it('trains hihello to 6/6 with the defaults', async () => {
    const user = userEvent.setup();
    renderAt(<RnnTraining />);
    expect(screen.getByTestId('rnn-accuracy')).toHaveTextContent('정확도 –/6');
    await user.click(screen.getByRole('button', { name: '학습 시작' }));
    const widget = document.querySelector<HTMLElement>('.rnn-train')!;
    await waitFor(() => expect(widget.dataset.status).toBe('completed'), { timeout: 15_000 });
    expect(screen.getByTestId('rnn-accuracy')).toHaveTextContent('정확도 6/6');
    expect(screen.getByTestId('rnn-train-progress')).toHaveTextContent('50 / 50 에포크');
    expect(screen.getByTestId('rnn-predictions').querySelectorAll('td.is-right')).toHaveLength(6);
    expect(
      screen.getByRole('figure', { name: '에포크별 학습 손실' }).querySelector('path.series'),
    ).not.toBeNull();
  });

  it('validates a typed word and builds the vocabulary from it', async () => {
    const user = userEvent.setup();
    renderAt(<RnnTraining />, '', 'en');
    const input = screen.getByLabelText('Word to learn');
    await user.clear(input);
    await user.type(input, 'a');
    await user.click(screen.getByRole('button', { name: 'Use this word' }));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'The word must have 2 to 20 characters (it has 1).',
    );
    expect(input).toHaveAttribute('aria-invalid', 'true');
    await user.clear(input);
    await user.type(input, 'banana');
    await user.click(screen.getByRole('button', { name: 'Use this word' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByTestId('rnn-vocab')).toHaveTextContent(
      '3 characters in the vocabulary: b, a, n',
    );
    expect(screen.getByTestId('rnn-accuracy')).toHaveTextContent('accuracy –/5');
  });
});

describe('RnnTraining: the word in the link', () => {
  it('reads the word from the URL, writes a typed one back and keeps it across a remount', async () => {
    const user = userEvent.setup();
    const first = renderAt(<RnnTraining />, 'rnnTrain.word=banana', 'en');
    expect(screen.getByLabelText('Word to learn')).toHaveValue('banana');
    expect(screen.getByTestId('rnn-vocab')).toHaveTextContent('b, a, n');
    const input = screen.getByLabelText('Word to learn');
    await user.clear(input);
    await user.type(input, '안녕하세요');
    await user.click(screen.getByRole('button', { name: 'Use this word' }));
    expect(hashParams().get('rnnTrain.word')).toBe('안녕하세요');
    // A language switch remounts the lesson; the word comes back from the link.
    first.unmount();
    renderAt(<RnnTraining />, window.location.hash.split('?')[1], 'ko');
    expect(screen.getByLabelText('학습할 단어')).toHaveValue('안녕하세요');
    expect(screen.getByTestId('rnn-vocab')).toHaveTextContent('어휘 5개: 안, 녕, 하, 세, 요');
    // Back to the default: the parameter leaves the link.
    await user.clear(screen.getByLabelText('학습할 단어'));
    await user.type(screen.getByLabelText('학습할 단어'), 'hihello');
    await user.click(screen.getByRole('button', { name: '이 단어 사용' }));
    expect(hashParams().get('rnnTrain.word')).toBeNull();
  });

  it('resets a bad word in the link to hihello and rewrites the link', async () => {
    renderAt(<RnnTraining />, 'rnnTrain.word=' + encodeURIComponent('<script>'), 'en');
    expect(screen.getByLabelText('Word to learn')).toHaveValue('hihello');
    expect(screen.getByTestId('rnn-vocab')).toHaveTextContent('h, i, e, l, o');
    await waitFor(() => expect(hashParams().get('rnnTrain.word')).toBeNull());
  });

  it('refuses punctuation in a typed word', async () => {
    const user = userEvent.setup();
    renderAt(<RnnTraining />, '', 'en');
    const input = screen.getByLabelText('Word to learn');
    await user.clear(input);
    await user.type(input, 'hi!');
    await user.click(screen.getByRole('button', { name: 'Use this word' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Use letters and digits only');
    expect(hashParams().get('rnnTrain.word')).toBeNull();
  });
});

describe('EmbeddingPadding', () => {
  const firstRow = () =>
    [...screen.getByTestId('embed-matrix').querySelectorAll('tr')[1]!.querySelectorAll('td')].map(
      (td) => Number(td.textContent),
    );
  it('pads before or after and truncates either end', async () => {
    const user = userEvent.setup();
    renderAt(<EmbeddingPadding />, '', 'en');
    // Sentence 2 "I like the book" has 4 words; maxlen 5 → one zero in front.
    expect(firstRow()[0]).toBe(0);
    const paddingGroup = screen.getByRole('group', { name: 'Padding side' });
    await user.click(paddingGroup.querySelector('[data-side="post"]')!);
    expect(hashParams().get('embed.padding')).toBe('post');
    expect(firstRow()[4]).toBe(0);
    expect(firstRow()[0]).not.toBe(0);
    // Sentence 3 has 8 words: cut to 5 from the front (pre) or the back (post).
    const third = () =>
      [...screen.getByTestId('embed-matrix').querySelectorAll('tr')[2]!.querySelectorAll('td')].map(
        (td) => td.getAttribute('title'),
      );
    expect(third()[4]).toBe('friends');
    await user.click(
      screen.getByRole('group', { name: 'Truncation side' }).querySelector('[data-side="post"]')!,
    );
    expect(third()[0]).toBe('she');
    expect(screen.getByTestId('embed-test-ids')).toHaveTextContent('1');
    expect(screen.getByTestId('embed-stats')).toHaveTextContent('3 words cut off');
  });
});
