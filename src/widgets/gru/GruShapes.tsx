import { useId, useMemo } from 'react';
import { defineStrings, format } from '../../i18n/defineStrings';
import { useStrings } from '../../i18n/useLang';
import { useWidgetState } from '../../state/useWidgetState';
import { ParamSlider } from '../../ui/ParamSlider';
import { GRU_SHAPES_SCHEMA } from './gruSchemas';
import { gruShapes, pytorchCode, shapeText, type NamedDim } from './shapesModel';
import './gru.css';

const strings = defineStrings(
  'gruShapes',
  {
    title: 'nn.GRU의 텐서 모양',
    batch: '배치 크기',
    length: '시퀀스 길이',
    features: '입력 특성 수 (input_size)',
    hidden: '은닉 크기 (hidden_size)',
    layers: '층 수 (num_layers)',
    batchFirst: 'batch_first=True (배치 축이 맨 앞)',
    bidirectional: '양방향 (bidirectional=True)',
    'tensor-input': '입력 x',
    'tensor-h0': '초기 은닉 상태 h0',
    'tensor-output': '출력 output (모든 타임 스텝의 h)',
    'tensor-hn': '마지막 은닉 상태 h_n',
    'dim-batch': '배치',
    'dim-length': '길이',
    'dim-features': '특성',
    'dim-hidden': '은닉',
    'dim-layers': '층×방향',
    box: '{name}: 모양 {shape}, 축은 {dims}',
    note: 'h0과 h_n은 batch_first와 상관없이 언제나 (층 수 × 방향 수, 배치, 은닉) 모양입니다. 양방향이면 output의 마지막 축이 두 방향을 이어 붙여 2배가 됩니다.',
    code: '이 모양을 만드는 PyTorch 코드',
  },
  {
    title: 'Tensor shapes of nn.GRU',
    batch: 'batch size',
    length: 'sequence length',
    features: 'input features (input_size)',
    hidden: 'hidden size (hidden_size)',
    layers: 'layers (num_layers)',
    batchFirst: 'batch_first=True (batch axis first)',
    bidirectional: 'bidirectional (bidirectional=True)',
    'tensor-input': 'input x',
    'tensor-h0': 'initial hidden state h0',
    'tensor-output': 'output (h at every time step)',
    'tensor-hn': 'last hidden state h_n',
    'dim-batch': 'batch',
    'dim-length': 'length',
    'dim-features': 'features',
    'dim-hidden': 'hidden',
    'dim-layers': 'layers×dirs',
    box: '{name}: shape {shape}, axes {dims}',
    note: 'h0 and h_n are always (layers × directions, batch, hidden), whatever batch_first says. Bidirectional, the last axis of output joins both directions and doubles.',
    code: 'The PyTorch code that makes these shapes',
  },
);

type Strings = Record<keyof (typeof strings)['ko'], string>;

/** A 3-axis tensor as a box: depth for axis 0, height for axis 1, width for axis 2. */
function TensorBox({ name, dims, t }: { name: string; dims: NamedDim[]; t: Strings }) {
  const [a, b, c] = dims as [NamedDim, NamedDim, NamedDim];
  // Sizes grow with the log of the dimension so 1 and 256 both fit.
  const len = (n: number, lo: number, hi: number) =>
    Math.min(hi, lo + Math.log2(Math.max(1, n)) * ((hi - lo) / 8));
  const w = len(c.size, 40, 150);
  const h = len(b.size, 24, 80);
  const d = len(a.size, 8, 40);
  const x0 = 20;
  const y0 = 20 + d;
  const dimLabel = (dim: NamedDim) => `${t[`dim-${dim.name}`]} ${dim.note ?? dim.size}`;
  const label = format(t.box, {
    name,
    shape: shapeText(dims),
    dims: dims.map(dimLabel).join(', '),
  });
  return (
    <figure className="gru-tensor" data-tensor={name}>
      <figcaption>
        {name} <span className="gru-shape-text">{shapeText(dims)}</span>
      </figcaption>
      <svg viewBox={`0 0 ${x0 + w + d + 110} ${y0 + h + 40}`} role="img" aria-label={label}>
        <polygon
          className="gru-face is-side"
          points={`${x0},${y0} ${x0 + d},${y0 - d} ${x0 + w + d},${y0 - d} ${x0 + w},${y0}`}
        />
        <polygon
          className="gru-face is-side"
          points={`${x0 + w},${y0} ${x0 + w + d},${y0 - d} ${x0 + w + d},${y0 + h - d} ${x0 + w},${y0 + h}`}
        />
        <rect className="gru-face" x={x0} y={y0} width={w} height={h} />
        <text x={x0 + w / 2} y={y0 + h + 18} textAnchor="middle">
          {dimLabel(c)}
        </text>
        <text x={x0 + w + d + 6} y={y0 + h / 2} dominantBaseline="middle">
          {dimLabel(b)}
        </text>
        <text x={x0 + w + d + 6} y={y0 - d + 4} dominantBaseline="middle">
          {dimLabel(a)}
        </text>
      </svg>
    </figure>
  );
}

export default function GruShapes({ id = 'gruShapes' }: { id?: string }) {
  const t = useStrings(strings);
  const titleId = useId();
  const [state, set] = useWidgetState(id, GRU_SHAPES_SCHEMA);
  const shapes = useMemo(() => gruShapes(state), [state]);
  const sliders = ['batch', 'length', 'features', 'hidden', 'layers'] as const;
  return (
    <section className="widget gru-shapes" aria-labelledby={titleId}>
      <h3 id={titleId}>{t.title}</h3>
      <div className="widget-controls gru-shape-controls">
        {sliders.map((key) => (
          <ParamSlider
            key={key}
            param={GRU_SHAPES_SCHEMA[key]}
            value={state[key]}
            onChange={(v) => set({ [key]: v })}
            label={t[key]}
          />
        ))}
      </div>
      <div className="gru-toggles">
        {(['batchFirst', 'bidirectional'] as const).map((key) => (
          <label key={key}>
            <input
              type="checkbox"
              checked={state[key]}
              onChange={(e) => set({ [key]: e.target.checked })}
            />{' '}
            {t[key]}
          </label>
        ))}
      </div>
      <div className="gru-tensors" data-testid="gru-tensors">
        <TensorBox name={t['tensor-input']} dims={shapes.input} t={t} />
        <TensorBox name={t['tensor-h0']} dims={shapes.h0} t={t} />
        <TensorBox name={t['tensor-output']} dims={shapes.output} t={t} />
        <TensorBox name={t['tensor-hn']} dims={shapes.hn} t={t} />
      </div>
      <p className="muted">{t.note}</p>
      <figure>
        <figcaption className="muted">{t.code}</figcaption>
        <pre tabIndex={0}>
          <code data-testid="gru-code">{pytorchCode(state)}</code>
        </pre>
      </figure>
    </section>
  );
}
