// The Web Worker entry that parses an uploaded or pasted data set, and prepares a data set for
// training, off the main thread.
import { handleParseRequest, handlePrepareRequest } from './parseHost';
import type { ParseReply, ParseRequest, PrepareReply, PrepareRequest } from './parseProtocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<ParseRequest | PrepareRequest>) => {
  const request = event.data;
  if (request.type === 'prepare') {
    handlePrepareRequest(request, (reply: PrepareReply, transfer?: Transferable[]) =>
      scope.postMessage(reply, transfer ?? []),
    );
  } else {
    void handleParseRequest(request, (reply: ParseReply) => scope.postMessage(reply));
  }
};
