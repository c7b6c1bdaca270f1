import { useId, useState } from 'react';
import type { GateWeights } from '../../core';
import { defineStrings, format } from '../../i18n/defineStrings';
import { useStrings } from '../../i18n/useLang';
import { MAX_WEIGHT, float32Text, parseWeight, type WeightPart } from './weightText';

const strings = defineStrings(
  'cellWeightEditor',
  {
    unit: '유닛 {n}',
    cellLabel: '{matrix} {row}행 {col}열',
    biasLabel: '{matrix} 유닛 {col}',
    edited: '편집됨',
    bias: '편향',
    'error-empty': '{label}: 값이 비어 있어 적용하지 않았습니다. {kept}을(를) 그대로 씁니다.',
    'error-not-a-number':
      '{label}: “{text}”은(는) 숫자가 아니라서 적용하지 않았습니다. {kept}을(를) 그대로 씁니다.',
    'error-too-large':
      '{label}: {text}은(는) 너무 큽니다. −{max}부터 {max} 사이만 받습니다. {kept}을(를) 그대로 씁니다.',
  },
  {
    unit: 'unit {n}',
    cellLabel: '{matrix} row {row}, column {col}',
    biasLabel: '{matrix} unit {col}',
    edited: 'edited',
    bias: 'bias',
    'error-empty': '{label}: the field is empty, so nothing was applied. Still using {kept}.',
    'error-not-a-number':
      '{label}: “{text}” is not a number, so it was not applied. Still using {kept}.',
    'error-too-large':
      '{label}: {text} is too large; weights must lie between −{max} and {max}. Still using {kept}.',
  },
);

type Strings = Record<keyof (typeof strings)['ko'], string>;

/** One weight block of a cell, as the editor shows it. */
export interface EditorGate {
  /** The core's gate name (also in `data-weight`). */
  key: string;
  /** Shown as the fieldset's legend. */
  label: string;
  /** The subscript its matrices carry in the equations (W_f, U_z …). */
  sub: string;
}

/** The lesson's own words around the editor. */
export interface EditorText {
  title: string;
  intro: string;
  reset: string;
  memory: string;
}

interface FieldProps {
  onSet: (gate: string, part: WeightPart, index: number, value: number) => void;
  gate: string;
  part: WeightPart;
  index: number;
  value: number;
  label: string;
  onError: (message: string | null) => void;
  t: Strings;
}

/** One number: applied while typing if valid; on Enter or leaving the field, garbage is refused. */
function WeightField({ onSet, gate, part, index, value, label, onError, t }: FieldProps) {
  const [draft, setDraft] = useState<{ text: string; over: number } | null>(null);
  const text = draft && draft.over === value ? draft.text : float32Text(value);
  const parsed = draft ? parseWeight(draft.text) : null;
  const invalid = parsed !== null && !parsed.ok;

  const commit = (raw: string) => {
    const result = parseWeight(raw);
    if (result.ok) {
      if (Math.fround(result.value) !== value) onSet(gate, part, index, result.value);
      onError(null);
    } else {
      // Refused: whatever is applied now stays (valid text applies as it is typed).
      onError(
        format(t[`error-${result.reason}`], {
          label,
          text: raw.trim().slice(0, 24),
          kept: float32Text(value),
          max: MAX_WEIGHT,
        }),
      );
    }
    setDraft(null);
  };

  return (
    <input
      className="lstm-weight"
      type="text"
      inputMode="decimal"
      spellCheck={false}
      autoComplete="off"
      aria-label={label}
      aria-invalid={invalid || undefined}
      title={float32Text(value)}
      value={text}
      data-weight={`${gate}.${part}.${index}`}
      onChange={(e) => {
        const raw = e.target.value;
        const result = parseWeight(raw);
        // Valid numbers apply at once; the rest waits for Enter / blur to be explained.
        if (result.ok && Math.fround(result.value) !== value) {
          onSet(gate, part, index, result.value);
          setDraft({ text: raw, over: Math.fround(result.value) });
          onError(null);
        } else {
          setDraft({ text: raw, over: value });
        }
      }}
      onBlur={(e) => {
        if (draft) commit(e.target.value);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit(e.currentTarget.value);
        if (e.key === 'Escape') setDraft(null);
      }}
    />
  );
}

function Matrix({
  title,
  rows,
  cols,
  rowNames,
  hiddenRowName = '',
  children,
}: {
  title: React.ReactNode;
  /** Read out (not shown) for a row without a visible name. */
  hiddenRowName?: string;
  rows: number;
  cols: number;
  rowNames: readonly string[];
  children: (row: number, col: number) => React.ReactNode;
}) {
  return (
    <div className="lstm-matrix">
      <div className="lstm-matrix-title">{title}</div>
      <table>
        <tbody>
          {Array.from({ length: rows }, (_, r) => (
            <tr key={r}>
              <th scope="row">
                {rowNames[r] ? rowNames[r] : <span className="sr-only">{hiddenRowName}</span>}
              </th>
              {Array.from({ length: cols }, (_, c) => (
                <td key={c}>{children(r, c)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MathName({ base, sub }: { base: string; sub: string }) {
  return (
    <span className="lstm-mathname">
      <var>{base}</var>
      <sub>{sub}</sub>
    </span>
  );
}

/**
 * The matrix editor of a recurrent cell's weights (W, U, b per gate), shared by the LSTM and
 * GRU lessons: valid numbers apply as they are typed, garbage is refused with a reason.
 */
export function WeightEditor({
  gates,
  weights,
  inputSize,
  units,
  words,
  onSet,
  edited,
  onReset,
  text,
}: {
  gates: readonly EditorGate[];
  weights: (gate: string) => GateWeights;
  inputSize: number;
  units: number;
  /** Row names of W: what x_t stands for. */
  words: readonly string[];
  onSet: (gate: string, part: WeightPart, index: number, value: number) => void;
  edited: boolean;
  onReset: () => void;
  text: EditorText;
}) {
  const t = useStrings(strings);
  const titleId = useId();
  const [error, setError] = useState<string | null>(null);
  const H = units;
  const D = inputSize;
  const unitNames = Array.from({ length: H }, (_, j) => `h${j + 1}`);

  return (
    <section className="lstm-editor" aria-labelledby={titleId}>
      <div className="lstm-editor-head">
        <h4 id={titleId}>{text.title}</h4>
        {edited && <span className="badge">{t.edited}</span>}
        <button
          type="button"
          className="button"
          onClick={() => {
            onReset();
            setError(null);
          }}
        >
          {text.reset}
        </button>
      </div>
      <p className="muted lstm-editor-intro">{text.intro}</p>
      <div className="lstm-editor-gates">
        {gates.map(({ key: gate, label: legend, sub }) => {
          const g = weights(gate);
          const field = (part: WeightPart, index: number, label: string) => (
            <WeightField
              key={`${gate}-${part}-${index}`}
              onSet={onSet}
              gate={gate}
              part={part}
              index={index}
              value={g[part][index]!}
              label={label}
              onError={setError}
              t={t}
            />
          );
          const name = (part: string) => `${part}_${sub}`;
          return (
            <fieldset key={gate} className={`lstm-editor-gate is-${gate}`}>
              <legend>{legend}</legend>
              <Matrix title={<MathName base="W" sub={sub} />} rows={D} cols={H} rowNames={words}>
                {(r, c) =>
                  field(
                    'W',
                    r * H + c,
                    format(t.cellLabel, { matrix: name('W'), row: r + 1, col: c + 1 }),
                  )
                }
              </Matrix>
              <Matrix
                title={<MathName base="U" sub={sub} />}
                rows={H}
                cols={H}
                rowNames={unitNames}
              >
                {(r, c) =>
                  field(
                    'U',
                    r * H + c,
                    format(t.cellLabel, { matrix: name('U'), row: r + 1, col: c + 1 }),
                  )
                }
              </Matrix>
              <Matrix
                title={<MathName base="b" sub={sub} />}
                rows={1}
                cols={H}
                rowNames={['']}
                hiddenRowName={t.bias}
              >
                {(_r, c) => field('b', c, format(t.biasLabel, { matrix: name('b'), col: c + 1 }))}
              </Matrix>
            </fieldset>
          );
        })}
      </div>
      <p className="lstm-editor-error" role="alert" data-testid="lstm-weight-error">
        {error ?? ''}
      </p>
      <p className="muted lstm-editor-note">{text.memory}</p>
    </section>
  );
}
