import { Equation } from '../ui/Equation';

/** Our own exercise text: inline `$…$` becomes KaTeX, `` `…` `` becomes code. Never user input. */
export function RichText({ text }: { text: string }) {
  const parts = text.split(/(\$[^$]+\$|`[^`]+`)/g);
  return (
    <>
      {parts.map((part, k) => {
        if (part.startsWith('$') && part.endsWith('$') && part.length > 2) {
          return <Equation key={k} tex={part.slice(1, -1)} />;
        }
        if (part.startsWith('`') && part.endsWith('`') && part.length > 2) {
          return <code key={k}>{part.slice(1, -1)}</code>;
        }
        return part;
      })}
    </>
  );
}
