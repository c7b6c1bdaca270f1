import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/app/App';
import { readClassroom } from '../../src/app/classroom';

function goTo(hash: string) {
  act(() => {
    window.location.hash = hash;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
}

describe('classroom mode', () => {
  it('reads only known parts to hide from the link', () => {
    const c = readClassroom(new URLSearchParams('classroom=1&hide=editor,bogus,strip,<x>'));
    expect(c.active).toBe(true);
    expect([...c.hidden]).toEqual(['editor', 'strip']);
    expect(readClassroom(new URLSearchParams('classroom=yes')).active).toBe(false);
  });

  it('is offered on lesson pages and enters from the header', async () => {
    goTo('#/lessons/sequences');
    render(<App />);
    await userEvent.click(screen.getByTestId('classroom-enter'));
    expect(window.location.hash).toContain('classroom=1');
    expect(document.documentElement.classList.contains('classroom')).toBe(true);
    expect(screen.getByTestId('classroom-exit')).toBeInTheDocument();
    expect(screen.queryByTestId('backend-badge')).not.toBeInTheDocument();
  });

  it('hides chosen parts through the link settings and leaves with Esc', async () => {
    goTo('#/lessons/sequences?classroom=1');
    render(<App />);
    await userEvent.click(screen.getByText('수업 링크'));
    await userEvent.click(screen.getByLabelText('가중치 편집기'));
    expect(window.location.hash).toContain('hide=editor');
    await userEvent.keyboard('{Escape}');
    expect(window.location.hash).not.toContain('classroom');
    expect(window.location.hash).not.toContain('hide=');
    expect(document.documentElement.classList.contains('classroom')).toBe(false);
  });

  it('is not offered on the home page', () => {
    goTo('#/');
    render(<App />);
    expect(screen.queryByTestId('classroom-enter')).not.toBeInTheDocument();
  });
});
