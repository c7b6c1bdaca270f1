import type { Element, ElementContent, Root, RootContent } from 'hast';

/** The component that wraps each later section (see src/widgets/ProseSection.tsx). */
export const PROSE_SECTION = 'ProseSection';

const isH2 = (node: RootContent): boolean =>
  node.type === 'element' && (node as Element).tagName === 'h2';

/**
 * Wraps every `##` section of a lesson after the first in `<ProseSection>`, which builds
 * it when it comes near the viewport (or in idle time): everything up to the second `##`
 * heading renders with the page.
 */
export function rehypeProseSections() {
  return (tree: Root) => {
    // import/export statements stay at the top level, where MDX needs them.
    const esm = tree.children.filter((node) => (node.type as string) === 'mdxjsEsm');
    const content = tree.children.filter((node) => (node.type as string) !== 'mdxjsEsm');
    const starts = content.flatMap((node, index) => (isH2(node) ? [index] : []));
    if (starts.length < 2) return;
    const sections = starts.slice(1).map((start, i) => {
      const end = starts[i + 2] ?? content.length;
      return {
        type: 'mdxJsxFlowElement',
        name: PROSE_SECTION,
        attributes: [],
        children: content.slice(start, end) as ElementContent[],
      } as unknown as RootContent;
    });
    tree.children = [...esm, ...content.slice(0, starts[1]), ...sections];
  };
}
