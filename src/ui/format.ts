/** Numbers are rounded for reading; `full` gives the exact value for tooltips. */
export function formatNumber(value: number, digits = 3): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  const abs = Math.abs(value);
  if (abs !== 0 && (abs >= 1e5 || abs < 10 ** -digits)) {
    return value.toExponential(Math.max(1, digits - 1)).replace('-', '−');
  }
  const text = value.toFixed(digits);
  return (Object.is(Number(text), -0) ? text.replace('-', '') : text).replace('-', '−');
}

export function formatFull(value: number): string {
  return Number.isFinite(value) ? String(value) : formatNumber(value);
}
