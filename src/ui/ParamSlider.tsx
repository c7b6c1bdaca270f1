import { useId, useState } from 'react';
import { coerceNumber, type NumberParam } from '../state/schema';
import { formatNumber } from './format';

export interface ParamSliderProps {
  /** The schema entry: range, step and default come from it, never from the call site. */
  param: NumberParam;
  value: number;
  onChange: (value: number) => void;
  label: string;
  /** Shown after the number, e.g. "단계" or "steps". */
  unit?: string;
  /** Digits shown in the value read-out. */
  digits?: number;
  /** Also show a typed number field (for precise values). */
  withInput?: boolean;
}

/**
 * A range slider bound to one number parameter of a widget's schema. The typed field
 * accepts anything; it is validated by the schema on commit (Enter or leaving the field).
 */
export function ParamSlider({
  param,
  value,
  onChange,
  label,
  unit,
  digits,
  withInput = true,
}: ParamSliderProps) {
  const id = useId();
  const shown = digits ?? (param.integer ? 0 : Math.max(0, -Math.floor(Math.log10(param.step))));
  // A half-typed value belongs to the value it was typed over; a new value discards it.
  const [typed, setTyped] = useState<{ text: string; over: number } | null>(null);
  const draft = typed && typed.over === value ? typed.text : null;
  const setDraft = (text: string | null) => setTyped(text === null ? null : { text, over: value });

  const commit = (text: string) => {
    const parsed = Number(text.replace('−', '-').trim());
    const { value: next } = coerceNumber(param, text.trim() === '' ? NaN : parsed);
    setDraft(null);
    if (next !== value) onChange(next);
  };

  return (
    <div className="param-slider">
      <label htmlFor={`${id}-range`}>{label}</label>
      <input
        id={`${id}-range`}
        type="range"
        min={param.min}
        max={param.max}
        step={param.integer ? 1 : param.step}
        value={value}
        aria-valuetext={`${formatNumber(value, shown)}${unit ? ` ${unit}` : ''}`}
        onChange={(e) => onChange(coerceNumber(param, Number(e.target.value)).value)}
      />
      {withInput ? (
        <input
          className="param-number"
          type="text"
          inputMode="decimal"
          aria-label={label}
          value={draft ?? formatNumber(value, shown).replace('−', '-')}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={(e) => commit(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit(e.currentTarget.value);
            if (e.key === 'Escape') setDraft(null);
          }}
        />
      ) : (
        <output htmlFor={`${id}-range`}>{formatNumber(value, shown)}</output>
      )}
      {unit && <span className="muted">{unit}</span>}
    </div>
  );
}
