import type { Root, RootContent } from 'hast';
import { describe, expect, it } from 'vitest';
import { PROSE_SECTION, rehypeProseSections } from '../../../src/lessons/rehypeProseSections';

const el = (tagName: string, text: string): RootContent => ({
  type: 'element',
  tagName,
  properties: {},
  children: [{ type: 'text', value: text }],
});
const esm = { type: 'mdxjsEsm', value: 'export const x = 1;' } as unknown as RootContent;
const widget = { type: 'mdxJsxFlowElement', name: 'LstmCell', attributes: [], children: [] };

const shape = (nodes: RootContent[]): unknown[] =>
  nodes.map((node) => {
    const n = node as { type: string; tagName?: string; name?: string; children?: RootContent[] };
    if (n.type === 'mdxJsxFlowElement' && n.name === PROSE_SECTION) return shape(n.children ?? []);
    return n.tagName ?? n.name ?? n.type;
  });

function run(children: RootContent[]): Root {
  const tree: Root = { type: 'root', children };
  rehypeProseSections()(tree);
  return tree;
}

describe('rehypeProseSections', () => {
  it('keeps everything up to the second ## heading and wraps each later section', () => {
    const tree = run([
      esm,
      el('h1', 'Title'),
      el('p', 'intro'),
      el('h2', 'One'),
      el('p', 'a'),
      el('h2', 'Two'),
      el('p', 'b'),
      widget as unknown as RootContent,
      el('h2', 'Three'),
      el('p', 'c'),
    ]);
    expect(shape(tree.children)).toEqual([
      'mdxjsEsm',
      'h1',
      'p',
      'h2',
      'p',
      ['h2', 'p', 'LstmCell'],
      ['h2', 'p'],
    ]);
  });

  it('leaves a lesson with fewer than two sections alone, and keeps import/export at the top', () => {
    const flat = [el('h1', 'T'), el('p', 'x'), el('h2', 'Only'), el('p', 'y')];
    expect(shape(run([...flat]).children)).toEqual(['h1', 'p', 'h2', 'p']);
    const tree = run([el('h2', 'A'), el('h2', 'B'), esm, el('p', 'z')]);
    expect(shape(tree.children)).toEqual(['mdxjsEsm', 'h2', ['h2', 'p']]);
  });
});
