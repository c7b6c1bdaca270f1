import { act, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { App } from '../../src/app/App';

// Every lesson is written now; pretend one is not, to keep the path a new lesson takes.
vi.mock('../../src/lessons/registry', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/lessons/registry')>();
  return { ...actual, isLessonAvailable: (slug: string) => slug !== 'lda' };
});

describe('a lesson that is not written yet', () => {
  it('is listed as coming soon, and its page says so instead of crashing', () => {
    act(() => {
      window.location.hash = '#/?lang=en';
    });
    const { unmount } = render(<App />);
    const card = screen.getByText('LDA topic modelling', { exact: false }).closest('li')!;
    expect(card).toHaveTextContent('Coming soon');
    expect(card.querySelector('a')).toBeNull();
    unmount();
    act(() => {
      window.location.hash = '#/lessons/lda?lang=en';
    });
    render(<App />);
    expect(screen.getByText(/is still being written/)).toBeInTheDocument();
  });
});
