// The pure geometry behind the RnnShapes widget (no DOM needed; it lives next to the widget's tests).
import { describe, expect, it } from 'vitest';
import {
  GEOMETRY,
  RNN_SHAPES,
  clampStep,
  effectiveLength,
  layoutRnn,
  stepStatus,
  type RnnLayout,
} from '../../../src/widgets/sequences/rnnShapesLayout';

const ids = (layout: RnnLayout, kind: string) =>
  layout.nodes.filter((n) => n.kind === kind).map((n) => n.id);
const edgePairs = (layout: RnnLayout) => layout.edges.map((e) => `${e.from}->${e.to}`);

describe('layoutRnn', () => {
  it('one-to-one: one input, one cell, one output, nothing recurrent, whatever length is asked', () => {
    const layout = layoutRnn('one-to-one', 7);
    expect(layout.length).toBe(1);
    expect(layout.nodes).toHaveLength(3);
    expect(ids(layout, 'input')).toEqual(['x1']);
    expect(ids(layout, 'cell')).toEqual(['cell1']);
    expect(ids(layout, 'output')).toEqual(['y1']);
    expect(ids(layout, 'initial')).toEqual([]);
    expect(edgePairs(layout)).toEqual(['x1->cell1', 'cell1->y1']);
  });

  it('one-to-many: a single input at t = 1, an output at every step', () => {
    const layout = layoutRnn('one-to-many', 3);
    expect(ids(layout, 'input')).toEqual(['x1']);
    expect(ids(layout, 'output')).toEqual(['y1', 'y2', 'y3']);
    expect(edgePairs(layout).sort()).toEqual(
      [
        'h0->cell1',
        'x1->cell1',
        'cell1->y1',
        'cell1->cell2',
        'cell2->y2',
        'cell2->cell3',
        'cell3->y3',
      ].sort(),
    );
  });

  it('many-to-one: an input at every step, a single output at the end', () => {
    const layout = layoutRnn('many-to-one', 4);
    expect(ids(layout, 'input')).toEqual(['x1', 'x2', 'x3', 'x4']);
    expect(ids(layout, 'output')).toEqual(['y4']);
    expect(ids(layout, 'cell')).toEqual(['cell1', 'cell2', 'cell3', 'cell4']);
    expect(layout.nodes).toHaveLength(1 + 4 + 4 + 1); // h0, cells, inputs, output
    expect(layout.edges.filter((e) => e.kind === 'recurrent')).toHaveLength(4); // h0→1, 1→2, 2→3, 3→4
    expect(layout.edges.filter((e) => e.kind === 'output').map((e) => e.from)).toEqual(['cell4']);
  });

  it('many-to-many: inputs and outputs at every step', () => {
    const layout = layoutRnn('many-to-many', 10);
    expect(ids(layout, 'input')).toHaveLength(10);
    expect(ids(layout, 'output')).toHaveLength(10);
    expect(layout.edges).toHaveLength(10 + 10 + 10); // inputs, outputs, recurrent incl. h0
  });

  it('clamps the requested length to 1…10', () => {
    expect(layoutRnn('many-to-many', 0).length).toBe(1);
    expect(layoutRnn('many-to-many', 99).length).toBe(10);
    expect(layoutRnn('many-to-one', Number.NaN).length).toBe(1);
  });

  it('places inputs below the cells, outputs above, time running left to right', () => {
    for (const shape of RNN_SHAPES) {
      const layout = layoutRnn(shape, 5);
      const cells = layout.nodes.filter((n) => n.kind === 'cell');
      for (let i = 1; i < cells.length; i++) expect(cells[i]!.cx).toBeGreaterThan(cells[i - 1]!.cx);
      for (const n of layout.nodes) {
        if (n.kind === 'input') expect(n.cy).toBeGreaterThan(GEOMETRY.cellY);
        if (n.kind === 'output') expect(n.cy).toBeLessThan(GEOMETRY.cellY);
        expect(n.cx).toBeGreaterThan(0);
        expect(n.cx).toBeLessThan(layout.width);
      }
    }
  });

  it('every edge joins two existing nodes and its step is its source step (or the cell it feeds)', () => {
    for (const shape of RNN_SHAPES) {
      const layout = layoutRnn(shape, 6);
      const byId = new Map(layout.nodes.map((n) => [n.id, n]));
      for (const e of layout.edges) {
        expect(byId.has(e.from)).toBe(true);
        expect(byId.has(e.to)).toBe(true);
        const cell = e.kind === 'input' ? byId.get(e.to)! : byId.get(e.from)!;
        expect(e.t).toBe(cell.t);
      }
    }
  });

  it('grows wider with the sequence length', () => {
    expect(layoutRnn('many-to-many', 6).width).toBeGreaterThan(layoutRnn('many-to-many', 5).width);
  });
});

describe('step helpers', () => {
  it('effectiveLength fixes one-to-one at 1', () => {
    expect(effectiveLength('one-to-one', 8)).toBe(1);
    expect(effectiveLength('many-to-one', 8)).toBe(8);
  });

  it('clampStep keeps the step inside the sequence', () => {
    expect(clampStep(9, 4)).toBe(3);
    expect(clampStep(-2, 4)).toBe(0);
    expect(clampStep(2, 4)).toBe(2);
    expect(clampStep(5, 1)).toBe(0);
  });

  it('stepStatus marks earlier steps done and later ones future', () => {
    expect(stepStatus(0, 2)).toBe('done');
    expect(stepStatus(2, 2)).toBe('current');
    expect(stepStatus(3, 2)).toBe('future');
    expect(stepStatus(-1, 0)).toBe('done'); // h0 is given before the first step
  });
});
