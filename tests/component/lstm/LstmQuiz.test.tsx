import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../../src/i18n/lang';
import { LangContext } from '../../../src/i18n/useLang';
import LstmQuiz from '../../../src/widgets/lstm/LstmQuiz';

function renderIn(lang: Lang = 'ko') {
  render(
    <LangContext value={lang}>
      <LstmQuiz />
    </LangContext>,
  );
}

const item = (id: string) => document.querySelector<HTMLElement>(`[data-exercise="${id}"]`)!;
// The options' names hold KaTeX, whose MathML jsdom cannot compute an accessible name for.
const option = (value: string) =>
  item('q2').querySelector<HTMLInputElement>(`input[value="${value}"]`)!;

describe('LstmQuiz', () => {
  it('checks f1 by hand with a tolerance and explains the slip of forgetting σ', async () => {
    const user = userEvent.setup();
    renderIn();
    const q1 = within(item('q1'));
    const field = q1.getByRole('textbox', { name: '답' });
    await user.type(field, '0.1');
    await user.click(q1.getByRole('button', { name: '확인' }));
    expect(q1.getByRole('status')).toHaveTextContent('아직 아닙니다.');
    expect(q1.getByRole('status')).toHaveTextContent('시그모이드에 들어가기 전의 값');
    await user.clear(field);
    await user.type(field, '0.525{Enter}');
    expect(q1.getByRole('status')).toHaveTextContent('맞았습니다!');
    expect(q1.getByRole('status').querySelector('.katex')).not.toBeNull();
    await user.clear(field);
    await user.type(field, 'abc{Enter}');
    expect(q1.getByRole('status')).toHaveTextContent('숫자를 입력해 주세요');
  });

  it('multiple choice: the forget gate, with an explanation for each option', async () => {
    const user = userEvent.setup();
    renderIn();
    const q2 = within(item('q2'));
    await user.click(q2.getByRole('button', { name: '확인' }));
    expect(q2.getByRole('status')).toHaveTextContent('먼저 하나를 고르세요.');
    expect(option('o').closest('label')).toHaveTextContent('출력 게이트');
    await user.click(option('o'));
    await user.click(q2.getByRole('button', { name: '확인' }));
    expect(q2.getByRole('status')).toHaveTextContent('이번 타임 스텝에 얼마를 내보낼지만');
    await user.click(option('f'));
    await user.click(q2.getByRole('button', { name: '확인' }));
    expect(q2.getByRole('status')).toHaveTextContent('맞았습니다!');
  });

  it('works in English, and can reveal the answer', async () => {
    const user = userEvent.setup();
    renderIn('en');
    expect(screen.getByRole('heading', { name: 'Check yourself' })).toBeInTheDocument();
    const q3 = within(item('q3'));
    await user.type(q3.getByRole('textbox', { name: 'Answer' }), '1.012{Enter}');
    expect(q3.getByRole('status')).toHaveTextContent('multiplied, not added');
    await user.click(q3.getByRole('button', { name: 'Show the answer' }));
    expect(q3.getByText('Answer: 0.254')).toBeInTheDocument();
    const q2 = within(item('q2'));
    expect(option('f').closest('label')).toHaveTextContent('the forget gate');
    await user.click(option('f'));
    await user.click(q2.getByRole('button', { name: 'Check' }));
    expect(q2.getByRole('status')).toHaveTextContent('Correct!');
  });
});
