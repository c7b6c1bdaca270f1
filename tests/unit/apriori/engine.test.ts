import { describe, expect, it } from 'vitest';
import {
  MAX_INPUT_BYTES,
  MiningEngine,
  RULE_LIMIT,
  type EngineReply,
  type EngineRequest,
} from '../../../src/widgets/apriori/engine';

const SENTENCES = [
  '비가 와서 우산을 챙겼다.',
  '비가 오는데 우산이 없었다.',
  '시험 전날 도서관에 갔다.',
  '도서관에서 시험 공부를 했다.',
  '비가 그쳐서 우산을 접었다.',
].join('\n');

function engine() {
  const replies: EngineReply[] = [];
  const e = new MiningEngine((r) => replies.push(r));
  return { e, replies };
}

const mine = (over: Partial<Extract<EngineRequest, { type: 'mine' }>> = {}): EngineRequest => ({
  type: 'mine',
  job: 1,
  key: 'k',
  source: { kind: 'text', text: SENTENCES, format: 'sentences' },
  tokens: { stopWords: true, josa: true },
  minSupport: 0.4,
  minConfidence: 0.5,
  ...over,
});

describe('the mining engine', () => {
  it('reads sentences, strips particles and mines rules with a trace', async () => {
    const { e, replies } = engine();
    await e.handle(mine());
    const done = replies.find((r) => r.type === 'done');
    expect(done?.type).toBe('done');
    if (done?.type !== 'done') return;
    expect(done.result.transactionCount).toBe(5);
    const texts = done.result.rules.map((r) => `${r.lhs.join('+')}=>${r.rhs.join('+')}`);
    expect(texts).toContain('우산=>비'); // the text lesson's rule: '비가' → '비'
    expect(texts).toContain('시험=>도서관');
    expect(done.result.rules.every((r) => r.lhs.length > 0)).toBe(true);
    expect(done.result.trace?.levels.length).toBeGreaterThan(1);
    expect(replies[0]).toMatchObject({ type: 'progress', stage: 'reading' });
  });

  it('keeps the data for the next request with the same key, and finds matching rows', async () => {
    const { e, replies } = engine();
    await e.handle(mine());
    await e.handle(mine({ job: 2, source: null, minSupport: 0.2 }));
    expect(replies.filter((r) => r.type === 'done')).toHaveLength(2);
    await e.handle({ type: 'match', job: 9, items: ['비', '우산'], limit: 2 });
    const matched = replies.at(-1);
    expect(matched).toMatchObject({ type: 'matched', job: 9, total: 3 });
    if (matched?.type === 'matched') {
      expect(matched.rows.map((r) => r.index)).toEqual([0, 1]);
      expect(matched.rows[0]!.text).toBe('비가 와서 우산을 챙겼다.');
    }
  });

  it('joins a text streamed in slices', async () => {
    const { e, replies } = engine();
    const half = Math.floor(SENTENCES.length / 2);
    await e.handle({ type: 'append', id: 4, text: SENTENCES.slice(0, half), first: true });
    await e.handle({ type: 'append', id: 4, text: SENTENCES.slice(half), first: false });
    await e.handle(mine({ source: { kind: 'raw', id: 4, format: 'sentences' } }));
    const done = replies.at(-1);
    expect(done?.type).toBe('done');
    if (done?.type === 'done') expect(done.result.transactionCount).toBe(5);
    await e.handle(
      mine({ job: 2, key: 'other', source: { kind: 'raw', id: 5, format: 'sentences' } }),
    );
    expect(replies.at(-1)).toMatchObject({ type: 'error', limit: false });
  });

  it('says there is no data when a new key comes without a source', async () => {
    const { e, replies } = engine();
    await e.handle(mine({ source: null }));
    expect(replies.at(-1)).toMatchObject({ type: 'error', limit: false });
  });

  it('stops a runaway search with the bilingual MiningLimitError message', async () => {
    const { e, replies } = engine();
    // 400 distinct words in one sentence each → every pair is a candidate at minCount 1.
    const text = Array.from({ length: 40 }, (_, s) =>
      Array.from({ length: 10 }, (_, w) => `w${s * 10 + w}`).join(' '),
    ).join('\n');
    await e.handle(
      mine({ source: { kind: 'text', text, format: 'sentences' }, minSupport: 0.001 }),
    );
    const error = replies.at(-1);
    expect(error).toMatchObject({ type: 'error', limit: true });
    if (error?.type === 'error') {
      expect(error.message.en).toMatch(/Mining stopped at level 2/);
      expect(error.message.ko).toMatch(/마이닝을 멈췄습니다/);
    }
  });

  it('refuses more than 5 MB', async () => {
    const { e, replies } = engine();
    const text = 'a'.repeat(MAX_INPUT_BYTES + 1);
    await e.handle(mine({ source: { kind: 'text', text, format: 'sentences' } }));
    const error = replies.at(-1);
    expect(error).toMatchObject({ type: 'error', limit: false });
    if (error?.type === 'error') expect(error.message.en).toMatch(/over the 5 MB limit/);
  });

  it('reads a file and baskets as written', async () => {
    const { e, replies } = engine();
    const file = new Blob(['pasta, tomato sauce\npasta, tomato sauce, milk\nmilk\n']);
    await e.handle(
      mine({
        source: { kind: 'file', file, format: 'baskets' },
        minSupport: 0.5,
        minConfidence: 0.9,
      }),
    );
    const done = replies.at(-1);
    expect(done?.type).toBe('done');
    if (done?.type === 'done') {
      expect(done.result.items).toEqual(['milk', 'pasta', 'tomato sauce']);
      expect(done.result.rules.map((r) => `${r.lhs}=>${r.rhs}`)).toEqual([
        'tomato sauce=>pasta',
        'pasta=>tomato sauce',
      ]);
    }
  });

  it('cancels a running job', async () => {
    const { e, replies } = engine();
    const text = Array.from({ length: 3000 }, (_, i) =>
      Array.from({ length: 12 }, (_, w) => `w${(i * 7 + w * 13) % 60}`).join(' '),
    ).join('\n');
    const running = e.handle(
      mine({ source: { kind: 'text', text, format: 'sentences' }, minSupport: 0.01 }),
    );
    await new Promise((r) => setTimeout(r, 5));
    await e.handle({ type: 'cancel', job: 1 });
    await running;
    expect(replies.at(-1)).toEqual({ type: 'cancelled', job: 1 });
  });

  it('sends at most RULE_LIMIT rules, the highest lift first, and says how many there were', async () => {
    const { e, replies } = engine();
    // Dense baskets: many rules at a low support.
    const rows = Array.from({ length: 200 }, (_, i) =>
      Array.from({ length: 12 }, (_, w) => `i${(i * 3 + w * 5) % 16}`).join(', '),
    );
    await e.handle(
      mine({
        source: { kind: 'text', text: rows.join('\n'), format: 'baskets' },
        minSupport: 0.05,
        minConfidence: 0,
      }),
    );
    const done = replies.at(-1);
    expect(done?.type).toBe('done');
    if (done?.type === 'done') {
      expect(done.result.ruleTotal).toBeGreaterThan(RULE_LIMIT);
      expect(done.result.rules).toHaveLength(RULE_LIMIT);
    }
  });
});
