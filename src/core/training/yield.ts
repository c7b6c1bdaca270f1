/**
 * Resolves on the next macrotask, so the page (or a worker's message queue) gets a turn:
 * setImmediate in Node, a MessageChannel on the page and in workers (setTimeout(0) is
 * clamped to 4 ms after a few nested calls), setTimeout(0) as the last resort.
 */
export function nextMacrotask(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  if (typeof MessageChannel === 'function') return viaChannel();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

let channel: MessageChannel | null = null;
const waiting: (() => void)[] = [];

function viaChannel(): Promise<void> {
  if (channel === null) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  const port = channel.port2;
  return new Promise((resolve) => {
    waiting.push(resolve);
    port.postMessage(null);
  });
}
