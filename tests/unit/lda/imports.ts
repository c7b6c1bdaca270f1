// The lda core under test, plus the core's seeded RNG (so references draw the same numbers).
export * from '../../../src/core/lda';
export { createRng as createRngForTest } from '../../../src/core/random';
