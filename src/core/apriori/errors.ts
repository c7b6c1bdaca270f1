import type { LocalizedMessage } from './types';

const fmt = (n: number): string => n.toLocaleString('en-US');

/**
 * Mining stopped before a level grew too large to count without freezing the page. `message`
 * is the English sentence; `messages` holds both languages for the learner, and the fields say
 * where it stopped so a widget can suggest a concrete support.
 */
export class MiningLimitError extends Error {
  override readonly name = 'MiningLimitError';
  readonly messages: LocalizedMessage;
  /** The level (itemset size k) that was too large. */
  readonly level: number;
  /** Candidates the level would count after pruning (or form in the join, for 'join'). */
  readonly candidates: number;
  /** The limit that was crossed. */
  readonly limit: number;
  /** 'count': candidates to count after pruning; 'join': pairs the join would check. */
  readonly stage: 'count' | 'join';
  /** The minimum support it was mining with. */
  readonly minSupport: number;

  constructor(info: {
    level: number;
    candidates: number;
    limit: number;
    stage: 'count' | 'join';
    minSupport: number;
  }) {
    const { level, candidates, limit, stage, minSupport } = info;
    const messages: LocalizedMessage =
      stage === 'count'
        ? {
            ko:
              `${level}단계에서 세어야 할 후보 항목집합이 ${fmt(candidates)}개로 한도 ` +
              `${fmt(limit)}개를 넘어 마이닝을 멈췄습니다 (최소 지지도 ${minSupport}). ` +
              `최소 지지도를 높여 보세요.`,
            en:
              `Mining stopped at level ${level}: ${fmt(candidates)} candidate itemsets would ` +
              `have to be counted, over the limit of ${fmt(limit)} (minimum support ` +
              `${minSupport}). Try a higher minimum support.`,
          }
        : {
            ko:
              `${level}단계의 결합(join)에서 만들어질 후보가 ${fmt(candidates)}개로 너무 많아 ` +
              `마이닝을 멈췄습니다 (한도 ${fmt(limit)}, 최소 지지도 ${minSupport}). ` +
              `최소 지지도를 높여 보세요.`,
            en:
              `Mining stopped at level ${level}: the join would form ${fmt(candidates)} ` +
              `candidates (limit ${fmt(limit)}, minimum support ${minSupport}). ` +
              `Try a higher minimum support.`,
          };
    super(messages.en);
    Object.setPrototypeOf(this, new.target.prototype);
    this.messages = messages;
    this.level = level;
    this.candidates = candidates;
    this.limit = limit;
    this.stage = stage;
    this.minSupport = minSupport;
  }
}
