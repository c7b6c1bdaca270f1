import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/app/App';
import { clearNotices } from '../../src/state/notices';
import { LESSONS, isLessonAvailable } from '../../src/lessons/registry';

function goTo(hash: string) {
  act(() => {
    window.location.hash = hash;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
}

describe('the textbook shell', () => {
  it('lists all eight lessons, marking unwritten ones as coming soon (not links)', () => {
    clearNotices();
    render(<App />);
    expect(screen.getByRole('heading', { level: 1, name: 'Gatebook' })).toBeInTheDocument();
    const items = screen.getAllByRole('listitem');
    expect(items).toHaveLength(8);
    expect(LESSONS).toHaveLength(8);
    for (const lesson of LESSONS) {
      const item = screen.getByTestId(`toc-${lesson.slug}`);
      if (isLessonAvailable(lesson.slug)) {
        expect(item.tagName).toBe('A');
        expect(item.getAttribute('href')).toBe(`#/lessons/${lesson.slug}?lang=ko`);
      } else {
        expect(item.tagName).toBe('DIV');
        expect(within(item).getByText('준비 중')).toBeInTheDocument();
      }
    }
    expect(isLessonAvailable('sequences')).toBe(true);
  });

  it('is Korean by default and switches to English, remembering the choice', async () => {
    render(<App />);
    expect(screen.getByText('목차')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByText('Contents')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
    expect(window.localStorage.getItem('gatebook.lang')).toBe('en');
    expect(window.location.hash).toContain('lang=en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('keeps widget parameters when the language changes', async () => {
    goTo('#/?shapes.length=7');
    render(<App />);
    await userEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(window.location.hash).toContain('shapes.length=7');
    expect(window.location.hash).toContain('lang=en');
  });

  it('shows a bilingual 404 with a link home for an unknown lesson', () => {
    goTo('#/lessons/no-such-lesson');
    render(<App />);
    expect(screen.getByRole('heading', { name: '페이지를 찾을 수 없습니다' })).toBeInTheDocument();
    expect(screen.getByText(/Page not found/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '목차로 돌아가기' })).toHaveAttribute(
      'href',
      '#/?lang=ko',
    );
  });

  it('answers an unknown lesson with the bilingual not-found page, not a crash', () => {
    goTo('#/lessons/no-such-lesson?lang=en');
    render(<App />);
    expect(screen.getByRole('heading', { level: 1 })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /home|contents/i })).toBeInTheDocument();
  });

  it('resets a garbage language with a visible notice', () => {
    clearNotices();
    goTo('#/?lang=klingon');
    render(<App />);
    expect(screen.getByTestId('link-notice')).toHaveTextContent('lang');
    expect(screen.getByTestId('link-notice')).toHaveTextContent('klingon');
    expect(window.location.hash).not.toContain('klingon');
  });

  it('toggles the theme and remembers it', async () => {
    render(<App />);
    const toggle = screen.getByRole('button', { name: '어두운 테마로 바꾸기' });
    await userEvent.click(toggle);
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(window.localStorage.getItem('gatebook.theme')).toBe('dark');
    expect(screen.getByRole('button', { name: '밝은 테마로 바꾸기' })).toBeInTheDocument();
  });
});
