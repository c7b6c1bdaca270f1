import { describe, expect, it } from 'vitest';
import {
  CELL_BOX,
  CHIPS,
  GATES,
  GATE_IDS,
  OPS,
  PHASE_FOCUS_X,
  VIEW,
  WIRES,
  everyPhaseLightsSomething,
  layoutBars,
  litIn,
  overlaps,
  signedScale,
  stateIn,
  wirePath,
  type Box,
} from '../../../src/widgets/lstm/lstmCellLayout';
import { PARTS, PHASES } from '../../../src/widgets/lstm/lstmPhases';

const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.w <= outer.x + outer.w &&
  inner.y + inner.h <= outer.y + outer.h;
const VIEW_BOX: Box = { x: 0, y: 0, w: VIEW.width, h: VIEW.height };

describe('LSTM cell geometry', () => {
  it('puts the four gates inside the cell, side by side in the course order, without overlaps', () => {
    for (const id of GATE_IDS) {
      expect(inside(GATES[id].box, CELL_BOX), id).toBe(true);
      expect(inside(GATES[id].bars, GATES[id].box), `${id} bars`).toBe(true);
    }
    const xs = GATE_IDS.map((id) => GATES[id].cx);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    for (const a of GATE_IDS)
      for (const b of GATE_IDS)
        if (a < b) expect(overlaps(GATES[a].box, GATES[b].box), `${a}/${b}`).toBe(false);
    expect(GATES.cand.activation).toBe('tanh');
    expect(GATE_IDS.filter((id) => GATES[id].activation === 'sigmoid')).toEqual(['f', 'i', 'o']);
  });

  it('keeps every chip inside the view and clear of the gates and of each other', () => {
    const chips = Object.values(CHIPS);
    for (const chip of chips) {
      expect(inside(chip.area, VIEW_BOX), chip.id).toBe(true);
      for (const id of GATE_IDS) expect(overlaps(chip.area, GATES[id].box), chip.id).toBe(false);
      for (const other of chips) {
        if (other.id < chip.id)
          expect(overlaps(chip.area, other.area), `${chip.id}/${other.id}`).toBe(false);
      }
    }
  });

  it('runs the belt along the top: c_{t-1} → ×f → + → c_t, and h_t leaves on the right', () => {
    const belt = WIRES.filter((w) => w.belt);
    expect(belt.map((w) => w.id)).toEqual(['belt-in', 'belt-mid', 'belt-out']);
    const ys = belt.flatMap((w) => w.points.map((p) => p.y));
    expect(new Set(ys).size).toBe(1);
    expect(ys[0]!).toBeLessThan(Math.min(...GATE_IDS.map((id) => GATES[id].box.y)));
    expect(OPS.keep.cx).toBeLessThan(OPS.add.cx);
    expect(OPS.keep.cy).toBe(ys[0]);
    expect(OPS.add.cy).toBe(ys[0]);
    const hOut = WIRES.find((w) => w.id === 'h-out')!;
    expect(hOut.points.at(-1)!.x).toBeGreaterThan(CELL_BOX.x + CELL_BOX.w);
    // h_{t-1} and x_t enter at the bottom left.
    const hIn = WIRES.find((w) => w.id === 'hprev-in')!;
    const xIn = WIRES.find((w) => w.id === 'x-in')!;
    expect(hIn.points[0]!.x).toBeLessThan(CELL_BOX.x);
    expect(xIn.points[0]!.y).toBeGreaterThan(CELL_BOX.y + CELL_BOX.h);
  });

  it('gives every wire a unique id, a valid part and points inside the view', () => {
    const ids = WIRES.map((w) => w.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const wire of WIRES) {
      expect(wire.points.length).toBeGreaterThanOrEqual(2);
      if (wire.part !== null) expect(PARTS).toContain(wire.part);
      for (const p of wire.points) {
        expect(p.x).toBeGreaterThanOrEqual(0);
        expect(p.x).toBeLessThanOrEqual(VIEW.width);
        expect(p.y).toBeGreaterThanOrEqual(0);
        expect(p.y).toBeLessThanOrEqual(VIEW.height);
      }
    }
    expect(
      wirePath([
        { x: 1, y: 2 },
        { x: 3, y: 4 },
      ]),
    ).toBe('M1,2 L3,4');
  });

  it('lights the parts of each phase in the course order and dims the rest', () => {
    expect(everyPhaseLightsSomething()).toBe(true);
    expect(litIn('forget').gates).toEqual(['f']);
    expect(litIn('input').gates).toEqual(['i', 'cand']);
    expect(litIn('update').gates).toEqual([]);
    expect(litIn('update').ops).toEqual(expect.arrayContaining(['add']));
    expect(litIn('output').gates).toEqual(['o']);
    expect(litIn('emit').ops).toEqual(expect.arrayContaining(['tanhc', 'out']));
    expect(litIn('emit').wires).toContain('h-out');
    expect(litIn('forget').wires).toContain('belt-in');
    expect(litIn('forget').wires).not.toContain('h-out');
    expect(stateIn(['forget'], 'forget')).toBe('active');
    expect(stateIn(['forget'], 'emit')).toBe('dim');
    // Every element is lit in at least one phase.
    for (const wire of WIRES) expect(wire.phases.length, wire.id).toBeGreaterThan(0);
    // The phases happen left to right.
    const xs = PHASES.map((p) => PHASE_FOCUS_X[p]);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
  });
});

describe('per-unit bars', () => {
  const area = { x: 10, y: 20, w: 60, h: 40 };

  it('fills gates (0 … 1) from the bottom, clamped', () => {
    const bars = layoutBars([0, 0.5, 1, 1.7, -0.2], area, 'unit');
    expect(bars.map((b) => b.h)).toEqual([0, 20, 40, 40, 0]);
    for (const bar of bars) {
      expect(bar.y + bar.h).toBeCloseTo(area.y + area.h);
      expect(bar.tone).toBe('gate');
    }
  });

  it('draws signed values up (+) or down (−) from the midline, scaled', () => {
    const [up, down, zero, big] = layoutBars([0.5, -1, 0, 3], area, 'signed', 2);
    const mid = area.y + area.h / 2;
    expect(up!.tone).toBe('pos');
    expect(up!.y + up!.h).toBeCloseTo(mid);
    expect(up!.h).toBeCloseTo((0.5 / 2) * 20);
    expect(down!.tone).toBe('neg');
    expect(down!.y).toBeCloseTo(mid);
    expect(down!.h).toBeCloseTo(10);
    expect(zero!.h).toBe(0);
    expect(big!.h).toBeCloseTo(20);
  });

  it('fits any number of units inside the area, centred, and survives NaN', () => {
    for (const n of [1, 2, 3, 5, 12]) {
      const bars = layoutBars(new Array(n).fill(0.5), area, 'unit');
      expect(bars).toHaveLength(n);
      expect(bars[0]!.x).toBeGreaterThanOrEqual(area.x);
      expect(bars.at(-1)!.x + bars.at(-1)!.w).toBeLessThanOrEqual(area.x + area.w + 1e-9);
      const left = bars[0]!.x - area.x;
      const right = area.x + area.w - (bars.at(-1)!.x + bars.at(-1)!.w);
      expect(left).toBeCloseTo(right);
    }
    const [bad] = layoutBars([NaN], area, 'signed');
    expect(bad!.h).toBe(0);
    expect(bad!.tone).toBe('none');
    expect(layoutBars([], area, 'unit')).toEqual([]);
  });

  it('scales signed bars to the largest |c| of the sequence, at least 1', () => {
    expect(signedScale([0.2, -0.4])).toBe(1);
    expect(signedScale([0.2, -2.5], [1.5])).toBe(2.5);
    expect(signedScale([NaN, Infinity])).toBe(1);
  });
});
