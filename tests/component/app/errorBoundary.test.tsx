import { act, render, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ComponentType } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/app/App';

// The activation widget of the opening lesson fails while `broken.now` is true.
const broken = vi.hoisted(() => ({ now: true }));
vi.mock('../../../src/widgets/sequences/ActivationExplorer', async (importActual) => {
  const actual = await importActual<{ default: ComponentType }>();
  function Failing() {
    if (broken.now) throw new Error('activation widget exploded');
    const Real = actual.default;
    return <Real />;
  }
  return { ...actual, default: Failing };
});

function goTo(hash: string) {
  act(() => {
    window.location.hash = hash;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
}

describe('a failing widget inside a real lesson', () => {
  for (const lang of ['ko', 'en'] as const) {
    it(`shows its own message and a retry while the rest works (${lang})`, async () => {
      const user = userEvent.setup();
      const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
      broken.now = true;
      goTo(`#/lessons/sequences?lang=${lang}`);
      render(<App />);
      const frame = await waitFor(
        () => {
          const el = document.getElementById('w-ActivationExplorer');
          expect(el?.querySelector('[role="alert"]')).toBeTruthy();
          return el!;
        },
        { timeout: 15_000 },
      );
      expect(within(frame).getByRole('alert')).toHaveTextContent(
        lang === 'ko'
          ? '이 위젯에서 오류가 났습니다. 나머지 내용은 그대로 볼 수 있습니다.'
          : 'This widget ran into an error. The rest of the lesson still works.',
      );
      expect(within(frame).getByRole('alert')).toHaveTextContent('activation widget exploded');
      // Its neighbour still works.
      const shapes = document.getElementById('w-RnnShapes')!;
      const manyToMany = await within(shapes).findByRole(
        'button',
        { name: lang === 'ko' ? /다대다/ : /many-to-many/ },
        { timeout: 15_000 },
      );
      await user.click(manyToMany);
      expect(manyToMany).toHaveAttribute('aria-pressed', 'true');
      expect(document.querySelectorAll('[role="alert"]')).toHaveLength(1);
      // Retry once the cause is gone: the widget comes back.
      broken.now = false;
      await user.click(
        within(frame).getByRole('button', { name: lang === 'ko' ? '다시 시도' : 'Try again' }),
      );
      expect(
        await within(frame).findByTestId('act-dfx', {}, { timeout: 15_000 }),
      ).toBeInTheDocument();
      expect(within(frame).queryByRole('alert')).toBeNull();
      expect(logged).toHaveBeenCalled();
      logged.mockRestore();
    });
  }
});
