import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { courseLstmStepExampleCell } from '../../../src/core';
import type { Lang } from '../../../src/i18n/lang';
import { LangContext } from '../../../src/i18n/useLang';
import { formatNumber } from '../../../src/ui/format';
import LstmStepExample from '../../../src/widgets/lstm/LstmStepExample';
import { stepExampleRows, traceStepExample } from '../../../src/widgets/lstm/lstmStepModel';
import { useCpuRuntime } from './setup';

beforeAll(useCpuRuntime);

async function renderAt(query = '', lang: Lang = 'ko') {
  window.location.hash = `#/lessons/lstm${query ? `?${query}` : ''}`;
  render(
    <LangContext value={lang}>
      <LstmStepExample />
    </LangContext>,
  );
  return screen.findByTestId('lstm-step-table');
}

const cells = (table: HTMLElement, name: string) => [
  ...table.querySelectorAll<HTMLElement>(`tr[data-row="${name}"] td`),
];
const hashParams = () => new URLSearchParams(window.location.hash.split('?')[1] ?? '');

describe('LstmStepExample', () => {
  it('prints every gate, c_t and h_t to 3 decimals, with the full value on hover', async () => {
    const table = await renderAt();
    const expected = stepExampleRows(traceStepExample(courseLstmStepExampleCell(42)));
    for (const row of expected) {
      const tds = cells(table, row.name);
      expect(tds.map((td) => td.textContent)).toEqual(row.values.map((v) => formatNumber(v, 3)));
      expect(tds.map((td) => td.title)).toEqual(row.values.map((v) => String(v)));
    }
    expect(within(table).getByText('망각 게이트')).toBeInTheDocument();
    expect(screen.getByText(/\[0\.2, 0\.5, 0\.1\]/)).toBeInTheDocument();
  });

  it('re-seeds: a new seed in the link and new numbers', async () => {
    const user = userEvent.setup();
    const table = await renderAt();
    const before = cells(table, 'h').map((td) => td.textContent);
    await user.click(screen.getByRole('button', { name: '새 난수로 다시 뽑기' }));
    const seed = Number(hashParams().get('lstmStep.seed'));
    expect(seed).not.toBe(42);
    expect(table).toHaveAttribute('data-seed', String(seed));
    expect(cells(table, 'h').map((td) => td.textContent)).not.toEqual(before);
  });

  it('reads the seed from the link, and typing a seed reproduces its numbers (English)', async () => {
    const user = userEvent.setup();
    const table = await renderAt('lstmStep.seed=7', 'en');
    const seven = stepExampleRows(traceStepExample(courseLstmStepExampleCell(7)));
    expect(cells(table, 'c').map((td) => td.textContent)).toEqual(
      seven[3]!.values.map((v) => formatNumber(v, 3)),
    );
    expect(within(table).getByText('new cell state')).toBeInTheDocument();
    const field = screen.getByRole('textbox', { name: 'Random seed' });
    await user.clear(field);
    await user.type(field, '42{Enter}');
    expect(table).toHaveAttribute('data-seed', '42');
    expect(hashParams().get('lstmStep.seed')).toBeNull();
  });
});
