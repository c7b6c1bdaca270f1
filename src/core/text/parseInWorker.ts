// Page side: parse a data set in a Web Worker, with progress and cancel; prepare one for
// training there too.
import type { DatasetParseOptions, ParsedDataset } from './dataset';
import type {
  ParseReply,
  ParseRequest,
  ParseSource,
  PrepareReply,
  PrepareRequest,
} from './parseProtocol';
import { joinTexts } from './parseHost';
import type { PreparedEncoding, PrepareOptions } from './prepare';

export class DatasetParseError extends Error {
  override name = 'DatasetParseError';
}

export interface DatasetParseRun {
  /** Resolves with the parsed data set; rejects with a DatasetParseError. */
  done: Promise<ParsedDataset>;
  /** Stops the worker; `done` rejects with a DatasetParseError ('cancelled'). */
  cancel(): void;
}

export function createParseWorker(): Worker {
  return new Worker(new URL('./parseWorker.ts', import.meta.url), {
    type: 'module',
    name: 'gatebook-dataset',
  });
}

/**
 * One request to the data-set worker: `answer` turns each reply into a result, an error, or
 * nothing (progress); the worker ends with the first result or error, or on cancel.
 */
function runInWorker<T, Reply>(
  worker: Worker,
  request: ParseRequest | PrepareRequest,
  transfer: Transferable[],
  answer: (reply: Reply) => { value: T } | { error: Error } | null,
  startFailure: string,
): { done: Promise<T>; cancel(): void } {
  let settled = false;
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const done = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  const finish = (outcome: { value: T } | { error: Error }) => {
    if (settled) return;
    settled = true;
    worker.terminate();
    if ('error' in outcome) reject(outcome.error);
    else resolve(outcome.value);
  };
  worker.onmessage = (event: MessageEvent<Reply>) => {
    const outcome = answer(event.data);
    if (outcome) finish(outcome);
  };
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault?.();
    finish({ error: new DatasetParseError(event.message || startFailure) });
  };
  worker.postMessage(request, transfer);
  return { done, cancel: () => finish({ error: new DatasetParseError('cancelled') }) };
}

export function parseInWorker(
  source: ParseSource,
  options: Omit<DatasetParseOptions, 'onProgress'> = {},
  onProgress?: (fraction: number, rows: number) => void,
  worker: Worker = createParseWorker(),
): DatasetParseRun {
  const request: ParseRequest = { type: 'parse', source, options };
  return runInWorker<ParsedDataset, ParseReply>(
    worker,
    request,
    [],
    (reply) => {
      if (reply.type === 'progress') {
        onProgress?.(reply.fraction, reply.rows);
        return null;
      }
      if (reply.type === 'done') return { value: reply.result };
      return { error: new DatasetParseError(reply.message) };
    },
    'The parsing worker could not start.',
  );
}

export interface PrepareRun {
  /** Resolves with the id matrix and the vocabulary; rejects with a DatasetParseError. */
  done: Promise<PreparedEncoding>;
  cancel(): void;
}

/**
 * `prepareTextData` in a Web Worker: cleaning and tokenising a large upload takes seconds,
 * which would freeze the page. The answer is `encodingPart` of the result (see there).
 */
export function prepareInWorker(
  texts: readonly string[],
  labels: ArrayLike<number>,
  options: PrepareOptions,
  worker: Worker = createParseWorker(),
): PrepareRun {
  const { joined, lengths } = joinTexts(texts);
  const request: PrepareRequest = { type: 'prepare', joined, lengths, labels, options };
  return runInWorker<PreparedEncoding, PrepareReply>(
    worker,
    request,
    [lengths.buffer],
    (reply) =>
      reply.type === 'prepared'
        ? { value: reply.result }
        : { error: new DatasetParseError(reply.message) },
    'The preparing worker could not start.',
  );
}
