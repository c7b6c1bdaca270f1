/**
 * The four GRU equations as KaTeX constants for a convention (CURRICULUM §3), with
 * `\htmlClass{term term-NAME}` hooks shared with the diagram, and `\htmlClass{gru-changed}`
 * around the terms a convention changes (the update side, the reset placement). The same
 * equations with the current step's numbers go in `{{placeholders}}` (gruModel.ts).
 */
import type { GruConvention } from '../../core';
import type { GruEquation, GruPart } from './gruModel';

const term = (name: GruPart, tex: string) => `\\htmlClass{term term-${name}}{${tex}}`;
/** Marks a term that differs from the course's form. */
const changed = (tex: string, on: boolean) => (on ? `\\htmlClass{gru-changed}{${tex}}` : tex);

const X = term('x', 'x_t');
const HPREV = term('hprev', 'h_{t-1}');
const R = term('r', 'r_t');
const Z = term('z', 'z_t');
const CAND = term('cand', '\\tilde{h}_t');

/** The candidate's reset term, before or after the recurrent product. */
function resetTerm(resetAfter: boolean): string {
  return resetAfter
    ? `b_h + ${changed(term('rh', `${R} \\odot \\left(U_h ${HPREV} + b_{hn}\\right)`), true)}`
    : `${term('rh', `U_h \\left(${R} \\odot ${HPREV}\\right)`)} + b_h`;
}

/** The interpolation: which gate weighs h_{t-1}. */
function mixTerm(updateGate: GruConvention['updateGate']): string {
  const keras = updateGate === 'keras';
  const keepGate = keras ? Z : `\\left(1 - ${Z}\\right)`;
  const writeGate = keras ? `\\left(1 - ${Z}\\right)` : Z;
  return `${term('keep', `${changed(keepGate, keras)} \\odot ${HPREV}`)} + ${term(
    'write',
    `${changed(writeGate, keras)} \\odot ${CAND}`,
  )}`;
}

export function gruTex(convention: GruConvention): Record<GruEquation, string> {
  return {
    r: `${R} = \\sigma\\left(W_r ${X} + U_r ${HPREV} + b_r\\right)`,
    z: `${Z} = \\sigma\\left(W_z ${X} + U_z ${HPREV} + b_z\\right)`,
    cand: `${CAND} = \\tanh\\left(W_h ${X} + ${resetTerm(convention.resetAfter)}\\right)`,
    h: `${term('h', 'h_t')} = ${mixTerm(convention.updateGate)}`,
  };
}

export function gruPlain(convention: GruConvention): Record<GruEquation, string> {
  return {
    r: 'r_t = σ(W_r x_t + U_r h_{t−1} + b_r)',
    z: 'z_t = σ(W_z x_t + U_z h_{t−1} + b_z)',
    cand: convention.resetAfter
      ? 'h̃_t = tanh(W_h x_t + b_h + r_t ⊙ (U_h h_{t−1} + b_hn))'
      : 'h̃_t = tanh(W_h x_t + U_h (r_t ⊙ h_{t−1}) + b_h)',
    h:
      convention.updateGate === 'keras'
        ? 'h_t = z_t ⊙ h_{t−1} + (1 − z_t) ⊙ h̃_t'
        : 'h_t = (1 − z_t) ⊙ h_{t−1} + z_t ⊙ h̃_t',
  };
}

const value = (part: GruPart, name: string = part) => term(part, `{{${name}}}`);

/** `lhs = a = b` over two aligned rows, so a phone's width holds it. */
const rows = (lhs: string, a: string, b: string) =>
  `\\begin{aligned} ${lhs} &= ${a} \\\\ &= ${b} \\end{aligned}`;

/** One equation with the numbers of step `step` (1-based) substituted, set over aligned rows. */
export function gruNumbersTex(
  name: GruEquation,
  step: number,
  updateGate: GruConvention['updateGate'],
): string {
  const n = String(step);
  switch (name) {
    case 'r':
      return rows(term('r', `r_{${n}}`), '\\sigma\\left({{rpre}}\\right)', value('r'));
    case 'z':
      return rows(term('z', `z_{${n}}`), '\\sigma\\left({{zpre}}\\right)', value('z'));
    case 'cand':
      return rows(
        term('cand', `\\tilde{h}_{${n}}`),
        '\\tanh\\left({{candpre}}\\right)',
        value('cand'),
      );
    case 'h': {
      const keepGate = updateGate === 'keras' ? value('z') : `\\left(1 - ${value('z')}\\right)`;
      const writeGate = updateGate === 'keras' ? `\\left(1 - ${value('z')}\\right)` : value('z');
      return (
        `\\begin{aligned} ${term('h', `h_{${n}}`)} &= ${keepGate} \\odot ${value('hprev')}` +
        ` \\\\ &\\quad + ${writeGate} \\odot ${value('cand')}` +
        ` \\\\ &= ${value('keep')} + ${value('write')} = ${value('h')} \\end{aligned}`
      );
    }
  }
}
