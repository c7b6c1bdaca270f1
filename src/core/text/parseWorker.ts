// The Web Worker entry that parses an uploaded or pasted data set off the main thread.
import { handleParseRequest } from './parseHost';
import type { ParseReply, ParseRequest } from './parseProtocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<ParseRequest>) => {
  void handleParseRequest(event.data, (reply: ParseReply) => scope.postMessage(reply));
};
