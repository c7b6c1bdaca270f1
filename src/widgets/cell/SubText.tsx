import { Fragment } from 'react';

/** `f_1`, `c̃_3`, `h_t`: a letter, an underscore and an index (digits or t). */
const INDEXED = /(c\u0303|h\u0303|[A-Za-z])_(\d+|t)/g;

/**
 * Our own strings with indices written as `f_1`, shown with real subscripts
 * (<var>f</var><sub>1</sub>). Never given user text. `pattern` (global, two groups: the letter
 * and its index) reads other indices, such as the gate letters of W_z.
 */
export function SubText({ text, pattern = INDEXED }: { text: string; pattern?: RegExp }) {
  const out: React.ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const at = match.index ?? 0;
    if (at > last) out.push(text.slice(last, at));
    out.push(
      <Fragment key={at}>
        <var>{match[1]}</var>
        <sub>{match[2]}</sub>
      </Fragment>,
    );
    last = at + match[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return <>{out}</>;
}
