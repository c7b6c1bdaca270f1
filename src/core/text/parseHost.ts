// The worker's side of parsing (also driven directly by Node tests): read, parse, report.
import { check, CoreInputError } from '../errors';
import { MAX_DATASET_BYTES, parseDataset } from './dataset';
import type { ParseReply, ParseRequest, PrepareReply, PrepareRequest } from './parseProtocol';
import { encodingPart, prepareTextData } from './prepare';

export async function handleParseRequest(
  request: ParseRequest,
  post: (reply: ParseReply) => void,
): Promise<void> {
  try {
    const { source } = request;
    let text: string;
    if (typeof source === 'string') {
      text = source;
    } else {
      check(
        source.size <= MAX_DATASET_BYTES,
        () => `The file is ${(source.size / 1048576).toFixed(1)} MB; at most 100 MB can be read.`,
      );
      text = await source.text();
    }
    post({ type: 'progress', fraction: 0, rows: 0 });
    const result = parseDataset(text, {
      ...request.options,
      onProgress: (fraction, rows) => post({ type: 'progress', fraction, rows }),
    });
    post({ type: 'done', result });
  } catch (error) {
    const message =
      error instanceof CoreInputError || error instanceof Error ? error.message : String(error);
    post({ type: 'error', message });
  }
}

/** The worker's side of preparing a data set for training (also driven by Node tests). */
export function handlePrepareRequest(
  request: PrepareRequest,
  post: (reply: PrepareReply, transfer?: Transferable[]) => void,
): void {
  try {
    const result = encodingPart(
      prepareTextData(
        splitJoined(request.joined, request.lengths),
        request.labels,
        request.options,
      ),
    );
    post({ type: 'prepared', result }, [
      result.xs.buffer,
      result.ys.buffer,
      result.order.buffer,
    ] as Transferable[]);
  } catch (error) {
    const message =
      error instanceof CoreInputError || error instanceof Error ? error.message : String(error);
    post({ type: 'error', message });
  }
}

/** Texts and the flat form a PrepareRequest carries them in (see there), and back. */
export function joinTexts(texts: readonly string[]): { joined: string; lengths: Int32Array } {
  return { joined: texts.join(''), lengths: Int32Array.from(texts, (t) => t.length) };
}

export function splitJoined(joined: string, lengths: ArrayLike<number>): string[] {
  const texts = new Array<string>(lengths.length);
  let at = 0;
  for (let k = 0; k < lengths.length; k++) {
    texts[k] = joined.slice(at, at + lengths[k]!);
    at += lengths[k]!;
  }
  return texts;
}
