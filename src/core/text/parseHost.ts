// The worker's side of parsing (also driven directly by Node tests): read, parse, report.
import { check, CoreInputError } from '../errors';
import { MAX_DATASET_BYTES, parseDataset } from './dataset';
import type { ParseReply, ParseRequest } from './parseProtocol';

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
