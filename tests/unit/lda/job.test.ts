import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { parseCorpusText, runLdaJob, type LdaFromWorker, type LdaJobRequest } from './imports';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

// A tiny inline corpus in the shipped TSV format (id, theme, document).
const WEATHER = [
  '비가 많이 내리고 바람이 분다',
  '오늘 날씨는 맑고 기온이 높다',
  '태풍 때문에 비와 바람이 강하다',
];
const FOOTBALL = [
  '축구 경기에서 골을 넣었다',
  '감독은 경기 전술을 바꿨다',
  '선수가 골을 넣고 경기를 이겼다',
];
const TSV = ['id\ttheme\tdocument']
  .concat(
    Array.from(
      { length: 24 },
      (_, i) => `${i}\t${i % 2 ? 'football' : 'weather'}\t${(i % 2 ? FOOTBALL : WEATHER)[i % 3]}`,
    ),
  )
  .join('\n');

const request = (text: string, extra: Partial<LdaJobRequest> = {}): LdaJobRequest => ({
  text,
  parse: { format: 'tsv', column: 'document', labelColumn: 'theme' },
  stopWordLanguages: ['ko'],
  lda: { nComponents: 2, maxIter: 3, seed: 1 },
  ...extra,
});

async function run(req: LdaJobRequest, cancelAfter = Infinity) {
  const messages: LdaFromWorker[] = [];
  let iterations = 0;
  await runLdaJob(
    req,
    (m) => {
      messages.push(m);
      if (m.type === 'iteration') iterations++;
    },
    { wait: async () => undefined, cancelled: () => iterations >= cancelAfter },
  );
  return messages;
}

describe('LDA job (the worker body)', () => {
  it('parses TSV and line corpora', () => {
    const t = parseCorpusText(TSV, { format: 'tsv', labelColumn: 'theme' });
    expect(t.documents).toHaveLength(24);
    expect(t.labels![1]).toBe('football');
    expect(parseCorpusText('a b\n\n  c d  \n', { format: 'lines' }).documents).toEqual([
      'a b',
      'c d',
    ]);
    expect(() => parseCorpusText(TSV, { format: 'tsv', column: 'text' })).toThrow(
      /no column "text"/,
    );
  });

  it('posts the corpus, every iteration with perplexities, coherence and the map, then done', async () => {
    const before = tf.memory().numTensors;
    const messages = await run(request(TSV));
    const corpus = messages.find((m) => m.type === 'corpus');
    expect(corpus?.type === 'corpus' && corpus.corpus.heldOutDocs).toBeGreaterThan(0);
    const its = messages.filter((m) => m.type === 'iteration');
    expect(its).toHaveLength(3);
    const last = its.at(-1)!;
    if (last.type !== 'iteration') throw new Error('unreachable');
    const s = last.state;
    expect(s.lambda).toHaveLength(2 * (corpus!.type === 'corpus' ? corpus!.corpus.nTerms : 0));
    expect(s.perplexity).toBeGreaterThan(1);
    expect(s.heldOutPerplexity).toBeGreaterThan(1);
    expect(s.completionPerplexity).toBeGreaterThan(1);
    expect(s.coherence).toHaveLength(2);
    expect(s.map).toHaveLength(4);
    expect(messages.at(-1)).toEqual({ type: 'done', reason: 'finished' });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stops before the next iteration when cancelled', async () => {
    const messages = await run(request(TSV, { lda: { nComponents: 2, maxIter: 50, seed: 1 } }), 2);
    expect(messages.filter((m) => m.type === 'iteration')).toHaveLength(2);
    expect(messages.at(-1)).toEqual({ type: 'done', reason: 'cancelled' });
  });

  it('refuses an empty corpus and a one-word corpus with a code', async () => {
    const empty = await run(request('', { parse: { format: 'lines' } }));
    expect(empty.at(-1)).toMatchObject({ type: 'error', code: 'empty-corpus' });
    const stopOnly = await run(request('그리고\n그러나', { parse: { format: 'lines' } }));
    expect(stopOnly.at(-1)).toMatchObject({ type: 'error', code: 'empty-corpus' });
    const one = await run(
      request('rain rain\nrain', { parse: { format: 'lines' }, stopWordLanguages: [] }),
    );
    expect(one.at(-1)).toMatchObject({ type: 'error', code: 'one-word' });
  });
});
