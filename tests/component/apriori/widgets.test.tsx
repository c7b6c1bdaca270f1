import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { LangContext } from '../../../src/i18n/useLang';
import AprioriData from '../../../src/widgets/apriori/AprioriData';
import AprioriLattice from '../../../src/widgets/apriori/AprioriLattice';
import AprioriMeasures from '../../../src/widgets/apriori/AprioriMeasures';
import AprioriRules from '../../../src/widgets/apriori/AprioriRules';
import { miningSession, resetMiningSessions } from '../../../src/widgets/apriori/miningStore';

function renderAll(lang: 'ko' | 'en' = 'en') {
  return render(
    <LangContext value={lang}>
      <div className="prose">
        <AprioriData id="apriori" />
        <AprioriLattice id="apriori" />
        <AprioriRules id="apriori" />
      </div>
    </LangContext>,
  );
}

const lattice = () => document.querySelector('svg.apriori-lattice-svg');
const statusOf = (cls: string) =>
  document.querySelector(`section.${cls} .apriori-status`)?.getAttribute('data-status');

beforeEach(() => {
  resetMiningSessions();
});

describe('the contingency table', () => {
  it('recomputes the five measures from the four cells, and says when they are undefined', () => {
    window.location.hash = '#/lessons/apriori';
    render(
      <LangContext value="en">
        <AprioriMeasures id="aprioriTable" />
      </LangContext>,
    );
    const value = (m: string) =>
      screen.getByTestId('apriori-measures').querySelector(`[data-measure="${m}"]`)!.textContent;
    expect(value('support')).toBe('0.300');
    expect(value('lift')).toBe('1.500');
    expect(screen.getByTestId('apriori-verdict')).toHaveTextContent(/positive association/);
    const both = screen.getByRole('textbox', { name: 'sentences with both X and Y' });
    fireEvent.change(both, { target: { value: '2' } });
    fireEvent.keyDown(both, { key: 'Enter' });
    // 2·8 = 2·4 + … no: both 2, xOnly 2, yOnly 4, neither 8 → lift = 2·16 / (4·6) = 1.333.
    expect(value('lift')).toBe('1.333');
    const xOnly = screen.getByRole('textbox', { name: 'sentences with X only' });
    fireEvent.change(xOnly, { target: { value: '1' } });
    fireEvent.keyDown(xOnly, { key: 'Enter' });
    // both 2, xOnly 1, yOnly 4, neither 8: N 15, lift = 2·15 / (3·6) = 1.667
    expect(value('lift')).toBe('1.667');
    expect(window.location.hash).toContain('aprioriTable.both=2');
    for (const key of ['sentences with both X and Y', 'sentences with X only']) {
      const box = screen.getByRole('textbox', { name: key });
      fireEvent.change(box, { target: { value: '0' } });
      fireEvent.keyDown(box, { key: 'Enter' });
    }
    expect(screen.queryByTestId('apriori-measures')).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent(/not defined/);
  });
});

describe('mining, stepping and exploring rules (synthetic baskets, engine on this thread)', () => {
  it('mines, steps through the lattice, sorts, filters and selects a rule', async () => {
    window.location.hash = '#/lessons/apriori?apriori.example=grocery&apriori.minSupport=0.02';
    renderAll('en');
    await expect.poll(() => statusOf('apriori-data'), { timeout: 15_000 }).toBe('done');
    expect(lattice()?.getAttribute('data-phase')).toBe('joined');
    const latticeSection = document.querySelector<HTMLElement>('section.apriori-lattice')!;
    const next = within(latticeSection).getByRole('button', { name: 'Next step' });
    for (let i = 0; i < 9; i++) fireEvent.click(next);
    expect(window.location.hash).toContain('apriori.step=9');
    expect(lattice()?.getAttribute('data-level')).toBe('3');
    expect(lattice()?.getAttribute('data-phase')).toBe('pruned');
    expect(screen.getByTestId('apriori-pruned')).toHaveTextContent(/is not frequent/);
    expect(latticeSection.querySelectorAll('line.apriori-link-killer').length).toBeGreaterThan(0);

    // The planted association is among the rules; sort by confidence ascending.
    const table = screen.getByTestId('apriori-rules');
    // The table remounts when the filter changes: query it afresh each time.
    const rows = () =>
      [...screen.getByTestId('apriori-rules').querySelectorAll('tbody tr')].map((r) =>
        r.getAttribute('data-rule'),
      );
    expect(rows()).toContain('{pasta} ⇒ {tomato sauce}');
    fireEvent.click(within(table).getByRole('button', { name: 'Sort by confidence' }));
    fireEvent.click(within(table).getByRole('button', { name: 'Sort by confidence' }));
    expect(
      table.querySelector('th[aria-sort="ascending"] [data-sort="confidence"]'),
    ).not.toBeNull();
    const confidences = [...table.querySelectorAll('tbody td[data-measure="confidence"]')].map(
      (c) => Number(c.getAttribute('title')),
    );
    expect(confidences).toEqual([...confidences].sort((a, b) => a - b));
    expect(window.location.hash).toContain('apriori.sort=confidence');

    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter by item' }), {
      target: { value: 'tomato' },
    });
    await expect.poll(() => rows().every((r) => r!.includes('tomato'))).toBe(true);
    expect(rows().length).toBeGreaterThan(0);

    // Enter on a scatter point selects its rule and lists its baskets with the items marked.
    const point = document.querySelector<SVGCircleElement>('circle.apriori-point[tabindex="0"]')!;
    const rule = point.getAttribute('data-rule')!;
    fireEvent.keyDown(point, { key: 'Enter' });
    await expect
      .poll(() => screen.queryByTestId('apriori-match-summary')?.textContent ?? '')
      .toContain(rule);
    await expect
      .poll(() => document.querySelectorAll('.apriori-match-list li').length)
      .toBeGreaterThan(0);
    expect(
      document.querySelectorAll('.apriori-match-list mark.apriori-rhs').length,
    ).toBeGreaterThan(0);
    expect(point.getAttribute('aria-pressed')).toBe('true');
  });

  it('keeps the result and the selection when the widgets remount (a language switch)', async () => {
    window.location.hash = '#/lessons/apriori?apriori.example=grocery&apriori.minSupport=0.03';
    const first = renderAll('ko');
    await expect.poll(() => statusOf('apriori-data'), { timeout: 15_000 }).toBe('done');
    const session = miningSession('apriori');
    const key = session.store.get().result!.rules.length;
    expect(key).toBeGreaterThan(0);
    first.unmount();
    renderAll('en');
    expect(statusOf('apriori-data')).toBe('done');
    expect(screen.getByRole('button', { name: 'Baskets (synthetic)' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  it('stops a runaway search with the bilingual message (pasted text, support 0.001)', async () => {
    window.location.hash = '#/lessons/apriori?apriori.example=custom&apriori.minSupport=0.001';
    renderAll('ko');
    const text = Array.from({ length: 250 }, (_, s) =>
      Array.from({ length: 12 }, (_, w) => `w${s * 12 + w}`).join(', '),
    ).join('\n');
    const box = screen.getByRole('textbox', { name: '데이터 붙여 넣기' }) as HTMLTextAreaElement;
    box.value = text;
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '이 글로 마이닝' }));
    });
    await expect.poll(() => statusOf('apriori-data'), { timeout: 15_000 }).toBe('error');
    const alert = document.querySelector('section.apriori-data .apriori-error')!;
    expect(alert.textContent).toMatch(/2단계에서 .*마이닝을 멈췄습니다/);
    expect(alert.getAttribute('data-limit')).toBe('true');
  });

  it('refuses a file over 5 MB before reading it', () => {
    window.location.hash = '#/lessons/apriori?apriori.example=custom';
    renderAll('en');
    const input = document.querySelector<HTMLInputElement>(
      'section.apriori-data input[type=file]',
    )!;
    const big = new File(['x'], 'big.txt');
    Object.defineProperty(big, 'size', { value: 6 * 1024 * 1024 });
    fireEvent.change(input, { target: { files: [big] } });
    expect(screen.getByTestId('apriori-note')).toHaveTextContent(
      'The file is 6.0 MB, over the 5 MB limit.',
    );
  });
});
