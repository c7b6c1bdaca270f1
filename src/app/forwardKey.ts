/**
 * Hands a key press to a widget's own listeners (they listen on its `.widget` element) as
 * if it had been pressed inside it. Used where focus is on the widget's frame (after a
 * shared link lands there, or a click on the frame's blank edge) or on nothing at all in an
 * embed. Returns whether the widget used the key.
 */
export function forwardKey(event: KeyboardEvent, widget: Element): boolean {
  const copy = new KeyboardEvent('keydown', {
    key: event.key,
    code: event.code,
    shiftKey: event.shiftKey,
    ctrlKey: event.ctrlKey,
    altKey: event.altKey,
    metaKey: event.metaKey,
    bubbles: true,
    cancelable: true,
  });
  const used = !widget.dispatchEvent(copy);
  if (used) event.preventDefault();
  return used;
}
