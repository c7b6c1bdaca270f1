import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { BackendBadge } from '../../src/ui/BackendBadge';
import { getBackendOverride } from '../../src/ui/backendPreference';

describe('the backend badge', () => {
  it('says which backend will run and why (jsdom has no WebGL2: wasm)', () => {
    render(<BackendBadge />);
    const badge = screen.getByTestId('backend-badge');
    expect(badge).toHaveAttribute('data-backend', 'wasm');
    expect(badge).toHaveTextContent('WebAssembly (CPU)');
    expect(badge).toHaveTextContent('WebGL2가 없어');
  });

  it('lets the learner pick a backend, remembered for the next visit', async () => {
    render(<BackendBadge />);
    await userEvent.selectOptions(screen.getByLabelText('직접 고르기'), 'cpu');
    expect(getBackendOverride()).toBe('cpu');
    expect(screen.getByTestId('backend-badge')).toHaveAttribute('data-backend', 'cpu');
    expect(screen.getByTestId('backend-badge')).toHaveTextContent('직접 고른 계산 장치');
    await userEvent.selectOptions(screen.getByLabelText('직접 고르기'), 'auto');
    expect(getBackendOverride()).toBeNull();
    expect(screen.getByTestId('backend-badge')).toHaveAttribute('data-backend', 'wasm');
  });

  it('ignores a garbage stored choice', () => {
    window.localStorage.setItem('gatebook.backend', 'quantum');
    expect(getBackendOverride()).toBeNull();
  });
});
