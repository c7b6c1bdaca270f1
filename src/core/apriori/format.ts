/**
 * A measure for reading: `digits` decimals, '∞' for Infinity (conviction when confidence is 1;
 * arules prints NA there), '—' for NaN. Tooltips should show the full number.
 */
export function formatMeasure(value: number, digits = 3): string {
  if (value === Infinity) return '∞';
  if (value === -Infinity) return '−∞';
  if (Number.isNaN(value)) return '—';
  return value.toFixed(digits);
}
