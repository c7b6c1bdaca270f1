/** Tensor shapes of PyTorch's nn.GRU (pure; unit-tested). */

export interface GruShapeSettings {
  batch: number;
  length: number;
  features: number;
  hidden: number;
  layers: number;
  batchFirst: boolean;
  bidirectional: boolean;
}

export interface NamedDim {
  /** What the axis means: batch, seq_len, … */
  name: 'batch' | 'length' | 'features' | 'hidden' | 'layers';
  size: number;
  /** How the size was made, when it is a product ("2 × 20"). */
  note?: string;
}

export interface GruShapes {
  input: NamedDim[];
  h0: NamedDim[];
  output: NamedDim[];
  hn: NamedDim[];
}

export function gruShapes(s: GruShapeSettings): GruShapes {
  const dirs = s.bidirectional ? 2 : 1;
  const batch: NamedDim = { name: 'batch', size: s.batch };
  const length: NamedDim = { name: 'length', size: s.length };
  const stack: NamedDim = {
    name: 'layers',
    size: s.layers * dirs,
    ...(dirs === 2 ? { note: `${s.layers} × 2` } : {}),
  };
  const hidden: NamedDim = { name: 'hidden', size: s.hidden };
  const outHidden: NamedDim = {
    name: 'hidden',
    size: s.hidden * dirs,
    ...(dirs === 2 ? { note: `2 × ${s.hidden}` } : {}),
  };
  const seq = (last: NamedDim) => (s.batchFirst ? [batch, length, last] : [length, batch, last]);
  return {
    input: seq({ name: 'features', size: s.features }),
    // h0 and h_n are never batch-first.
    h0: [stack, batch, hidden],
    output: seq(outHidden),
    hn: [stack, batch, hidden],
  };
}

export const shapeText = (dims: readonly NamedDim[]) => `(${dims.map((d) => d.size).join(', ')})`;

/** The PyTorch lines that produce these shapes. */
export function pytorchCode(s: GruShapeSettings): string {
  const sh = gruShapes(s);
  const args = [
    `input_size=${s.features}`,
    `hidden_size=${s.hidden}`,
    ...(s.layers > 1 ? [`num_layers=${s.layers}`] : []),
    `batch_first=${s.batchFirst ? 'True' : 'False'}`,
    ...(s.bidirectional ? ['bidirectional=True'] : []),
  ];
  return [
    `gru = nn.GRU(${args.join(', ')})`,
    `x = torch.randn${shapeText(sh.input)}`,
    `h0 = torch.zeros${shapeText(sh.h0)}`,
    'output, h_n = gru(x, h0)',
    `output.shape  # torch.Size([${sh.output.map((d) => d.size).join(', ')}])`,
    `h_n.shape     # torch.Size([${sh.hn.map((d) => d.size).join(', ')}])`,
  ].join('\n');
}
