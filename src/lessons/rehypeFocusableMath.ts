import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

const LABELS: Record<string, string> = { ko: '수식', en: 'Equation' };

/**
 * Display equations scroll sideways on a phone, and a scrollable region must be reachable
 * by keyboard (WCAG 2.1.1): each display block becomes focusable and is named in the
 * lesson file's own language (`ko.mdx` or `en.mdx`).
 */
export function rehypeFocusableMath() {
  return (tree: Root, file: VFile) => {
    const lang = /(?:^|[\\/])(ko|en)\.mdx$/.exec(file.path ?? '')?.[1] ?? 'en';
    visit(tree, 'element', (node: Element) => {
      const classes = node.properties?.className;
      if (Array.isArray(classes) && classes.includes('katex-display')) {
        node.properties.tabIndex = 0;
        node.properties.role = 'group';
        node.properties.ariaLabel = LABELS[lang];
      }
    });
  };
}
