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

export function parseInWorker(
  source: ParseSource,
  options: Omit<DatasetParseOptions, 'onProgress'> = {},
  onProgress?: (fraction: number, rows: number) => void,
  worker: Worker = createParseWorker(),
): DatasetParseRun {
  let settled = false;
  let resolve!: (value: ParsedDataset) => void;
  let reject!: (error: Error) => void;
  const done = new Promise<ParsedDataset>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  const finish = (outcome: { value: ParsedDataset } | { error: Error }) => {
    if (settled) return;
    settled = true;
    worker.terminate();
    if ('error' in outcome) reject(outcome.error);
    else resolve(outcome.value);
  };
  worker.onmessage = (event: MessageEvent<ParseReply>) => {
    const reply = event.data;
    if (reply.type === 'progress') onProgress?.(reply.fraction, reply.rows);
    else if (reply.type === 'done') finish({ value: reply.result });
    else finish({ error: new DatasetParseError(reply.message) });
  };
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault?.();
    finish({
      error: new DatasetParseError(event.message || 'The parsing worker could not start.'),
    });
  };
  const request: ParseRequest = { type: 'parse', source, options };
  worker.postMessage(request);
  return {
    done,
    cancel: () => finish({ error: new DatasetParseError('cancelled') }),
  };
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
  let settled = false;
  let resolve!: (value: PreparedEncoding) => void;
  let reject!: (error: Error) => void;
  const done = new Promise<PreparedEncoding>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  const finish = (outcome: { value: PreparedEncoding } | { error: Error }) => {
    if (settled) return;
    settled = true;
    worker.terminate();
    if ('error' in outcome) reject(outcome.error);
    else resolve(outcome.value);
  };
  worker.onmessage = (event: MessageEvent<PrepareReply>) => {
    const reply = event.data;
    if (reply.type === 'prepared') finish({ value: reply.result });
    else finish({ error: new DatasetParseError(reply.message) });
  };
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault?.();
    finish({
      error: new DatasetParseError(event.message || 'The preparing worker could not start.'),
    });
  };
  const { joined, lengths } = joinTexts(texts);
  const request: PrepareRequest = { type: 'prepare', joined, lengths, labels, options };
  worker.postMessage(request, [lengths.buffer]);
  return { done, cancel: () => finish({ error: new DatasetParseError('cancelled') }) };
}
