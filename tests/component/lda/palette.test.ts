import { describe, expect, it } from 'vitest';
import { TOPIC_COLORS, TOPIC_TEXT, contrastRatio } from '../../../src/widgets/lda/palette';

describe('topic palette', () => {
  it('keeps dark text readable on every topic colour (WCAG AA and more)', () => {
    for (const c of TOPIC_COLORS) expect(contrastRatio(c, TOPIC_TEXT)).toBeGreaterThan(7);
  });
  it('has twelve different colours', () => {
    expect(new Set(TOPIC_COLORS).size).toBe(12);
  });
});
