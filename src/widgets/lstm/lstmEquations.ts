/**
 * The six LSTM equations as KaTeX constants (W for input weights, U for recurrent ones), with
 * `\htmlClass{term term-NAME}` hooks whose names are the diagram's parts (lstmPhases.ts), and
 * the same equations with the current step's numbers in `{{placeholders}}`.
 */
import type { EquationName, Part } from './lstmPhases';

const term = (name: Part, tex: string) => `\\htmlClass{term term-${name}}{${tex}}`;

const X = term('x', 'x_t');
const HPREV = term('hprev', 'h_{t-1}');
const affine = (g: string) => `W_${g} ${X} + U_${g} ${HPREV} + b_${g}`;

export const LSTM_TEX: Record<EquationName, string> = {
  f: `${term('f', 'f_t')} = \\sigma\\left(${affine('f')}\\right)`,
  i: `${term('i', 'i_t')} = \\sigma\\left(${affine('i')}\\right)`,
  cand: `${term('cand', '\\tilde{c}_t')} = \\tanh\\left(${affine('c')}\\right)`,
  c: `${term('c', 'c_t')} = ${term('keep', `${term('f', 'f_t')} \\odot ${term('cprev', 'c_{t-1}')}`)} + ${term(
    'write',
    `${term('i', 'i_t')} \\odot ${term('cand', '\\tilde{c}_t')}`,
  )}`,
  o: `${term('o', 'o_t')} = \\sigma\\left(${affine('o')}\\right)`,
  h: `${term('h', 'h_t')} = ${term('o', 'o_t')} \\odot ${term(
    'tanhc',
    `\\tanh\\left(${term('c', 'c_t')}\\right)`,
  )}`,
};

/** The symbol of each equation's result, with the step number `n` as its index. */
const SYMBOL: Record<EquationName, (n: string) => string> = {
  f: (n) => `f_{${n}}`,
  i: (n) => `i_{${n}}`,
  cand: (n) => `\\tilde{c}_{${n}}`,
  c: (n) => `c_{${n}}`,
  o: (n) => `o_{${n}}`,
  h: (n) => `h_{${n}}`,
};

const ACTIVATION: Record<'f' | 'i' | 'cand' | 'o', string> = {
  f: '\\sigma',
  i: '\\sigma',
  cand: '\\tanh',
  o: '\\sigma',
};

/** A placeholder that is also a hover hook for its part. */
const value = (part: Part, name: string = part) => term(part, `{{${name}}}`);

/** With more units than this, the numbers lines break into rows so they keep their width. */
export const ONE_LINE_UP_TO = 3;

/**
 * One equation with the numbers of time step `step` (1-based) substituted, in its compact
 * form: the result and what went into the activation (or the two products of the belt).
 * Wide vectors (more than ONE_LINE_UP_TO units) are set over several aligned rows.
 */
export function numbersTex(name: EquationName, step: number, units = 2): string {
  const lhs = term(name, SYMBOL[name](String(step)));
  const rows = ((): string[] => {
    switch (name) {
      case 'f':
      case 'i':
      case 'cand':
      case 'o':
        return [`${ACTIVATION[name]}\\left({{${name}pre}}\\right)`, value(name)];
      case 'c':
        return [`${value('keep')} + ${value('write')}`, value('c')];
      case 'h':
        return [`${value('o')} \\odot \\tanh\\left(${value('c')}\\right)`, value('h')];
    }
  })();
  if (units <= ONE_LINE_UP_TO) return `${lhs} = ${rows.join(' = ')}`;
  const wide =
    name === 'c'
      ? [value('keep'), `+ ${value('write')}`, `= ${value('c')}`]
      : name === 'h'
        ? [value('o'), `\\odot \\tanh\\left(${value('c')}\\right)`, `= ${value('h')}`]
        : [rows[0]!, `= ${rows[1]!}`];
  const [first, ...rest] = wide;
  return `\\begin{aligned} ${lhs} &= ${first} ${rest.map((r) => `\\\\ &${r}`).join(' ')} \\end{aligned}`;
}

const SUBSCRIPT: Record<'f' | 'i' | 'cand' | 'o', string> = { f: 'f', i: 'i', cand: 'c', o: 'o' };

/**
 * Where the compact numbers come from, shown for the current phase's equations: the three
 * parts of a pre-activation, the two products on the belt, tanh(c_t).
 */
export function detailTex(name: EquationName, step: number): string {
  const n = String(step);
  const p = String(step - 1);
  const rows = (lhs: string, first: string, second: string) =>
    `\\begin{aligned} ${lhs} &= ${first} \\\\ &\\quad + ${second} \\end{aligned}`;
  switch (name) {
    case 'f':
    case 'i':
    case 'cand':
    case 'o': {
      const g = SUBSCRIPT[name];
      return rows(
        `W_${g} ${term('x', `x_{${n}}`)} + U_${g} ${term('hprev', `h_{${p}}`)} + b_${g}`,
        `{{${name}Wx}} + {{${name}Uh}}`,
        `{{${name}b}}`,
      );
    }
    case 'c':
      return rows(
        `${term('keep', `f_{${n}} \\odot c_{${p}}`)} + ${term('write', `i_{${n}} \\odot \\tilde{c}_{${n}}`)}`,
        `${value('f')} \\odot ${value('cprev')}`,
        `${value('i')} \\odot ${value('cand')}`,
      );
    case 'h':
      return `${term('tanhc', `\\tanh\\left(c_{${n}}\\right)`)} = ${value('tanhc')}`;
  }
}

/** Plain-text versions for screen readers (KaTeX's MathML is there too, but long). */
export const LSTM_PLAIN: Record<EquationName, string> = {
  f: 'f_t = σ(W_f x_t + U_f h_{t−1} + b_f)',
  i: 'i_t = σ(W_i x_t + U_i h_{t−1} + b_i)',
  cand: 'c̃_t = tanh(W_c x_t + U_c h_{t−1} + b_c)',
  c: 'c_t = f_t ⊙ c_{t−1} + i_t ⊙ c̃_t',
  o: 'o_t = σ(W_o x_t + U_o h_{t−1} + b_o)',
  h: 'h_t = o_t ⊙ tanh(c_t)',
};
