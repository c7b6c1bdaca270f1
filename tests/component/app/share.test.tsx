import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/app/App';
import { findWidgetElement } from '../../../src/app/EmbedPage';
import { matchRoute } from '../../../src/app/routes';
import { iframeSnippet, widgetParams } from '../../../src/app/shareLinks';
import { widgetAnchor } from '../../../src/app/widgetIdentity';
import { lessonComponents } from '../../../src/widgets';

function goTo(hash: string) {
  act(() => {
    window.location.hash = hash;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
}

function mockClipboard(impl: (text: string) => Promise<void>) {
  const writeText = vi.fn(impl);
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  return writeText;
}

/** A widget's frame once its lazy widget has rendered (lessons load slowly in jsdom). */
function findFrame(anchor: string): Promise<HTMLElement> {
  return waitFor(
    () => {
      const el = document.getElementById(anchor);
      expect(el?.querySelector('.widget')).toBeTruthy();
      return el!;
    },
    { timeout: 30_000 },
  );
}

afterEach(() => {
  Reflect.deleteProperty(navigator, 'clipboard');
  vi.restoreAllMocks();
});

const LESSONS_DIR = path.resolve(import.meta.dirname, '../../../lessons');

/** `<Widget id="x" …/>` tags of a lesson file, in order. */
function widgetTags(file: string): { name: string; id?: string }[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^<([A-Z][A-Za-z0-9]*)\b([^>]*)\/>/gm)].map((m) => {
    const id = /\bid="([^"]+)"/.exec(m[2] ?? '')?.[1];
    return id ? { name: m[1]!, id } : { name: m[1]! };
  });
}

describe('widget anchors and routes', () => {
  it('gives every widget instance of every lesson a unique anchor, the same in both languages', () => {
    for (const slug of readdirSync(LESSONS_DIR)) {
      const ko = widgetTags(path.join(LESSONS_DIR, slug, 'ko.mdx'));
      const en = widgetTags(path.join(LESSONS_DIR, slug, 'en.mdx'));
      const anchors = ko.map(widgetAnchor);
      expect(new Set(anchors).size, `${slug}: ${anchors.join(', ')}`).toBe(anchors.length);
      expect(en.map(widgetAnchor), slug).toEqual(anchors);
      for (const tag of ko)
        expect(lessonComponents, `${slug}: ${tag.name}`).toHaveProperty(tag.name);
    }
  });

  it('parses embed routes and rejects odd ones', () => {
    expect(matchRoute('/embed/lstm/LstmCell')).toEqual({
      name: 'embed',
      slug: 'lstm',
      widget: 'LstmCell',
    });
    expect(matchRoute('/embed/lstm/LstmTraining/lstmTrain')).toEqual({
      name: 'embed',
      slug: 'lstm',
      widget: 'LstmTraining',
      id: 'lstmTrain',
    });
    expect(matchRoute('/embed/lstm/<script>').name).toBe('notFound');
    expect(matchRoute('/embed/lstm').name).toBe('notFound');
  });

  it('keeps only the widget’s own state in a shared link and escapes the iframe code', () => {
    const all = new URLSearchParams(
      'lang=ko&shapes.step=2&shapes.bogus=1&act.fn=relu&shapesX.a=1&classroom=1',
    );
    expect(widgetParams(all, new Set(['shapes.step', 'shapes.shape'])).toString()).toBe(
      'shapes.step=2',
    );
    expect(iframeSnippet('https://x/"><script>', 'a"b')).not.toMatch(/"><script>|a"b/);
  });

  it('finds a widget instance in a nested element tree by type and id', () => {
    const A = (_props: { id: string }) => null;
    const tree = (
      <div>
        <p>text</p>
        <section>
          <A id="one" />
          <A id="two" />
        </section>
      </div>
    );
    expect(findWidgetElement(tree, A, 'two')?.props).toEqual({ id: 'two' });
    expect(findWidgetElement(tree, A, undefined)?.props).toEqual({ id: 'one' });
    expect(findWidgetElement(tree, A, 'three')).toBeNull();
  });
});

describe('copy link and embed code under every widget', { timeout: 60_000 }, () => {
  it('copies a link to this widget with its own state, the language and an anchor', async () => {
    const user = userEvent.setup();
    const writeText = mockClipboard(async () => {});
    goTo('#/lessons/sequences?shapes.step=2&act.fn=relu');
    render(<App />);
    const frame = await findFrame('w-RnnShapes');
    await user.click(within(frame).getByRole('button', { name: /링크 복사/ }));
    expect(writeText).toHaveBeenCalledTimes(1);
    const link = new URL(writeText.mock.calls[0]![0]);
    const hash = new URLSearchParams(link.hash.split('?')[1]);
    expect(link.hash.startsWith('#/lessons/sequences?')).toBe(true);
    expect(hash.get('lang')).toBe('ko');
    expect(hash.get('shapes.step')).toBe('2');
    expect(hash.get('act.fn')).toBeNull();
    expect(hash.get('at')).toBe('w-RnnShapes');
    expect(within(within(frame).getByTestId('share-bar')).getByRole('status')).toHaveTextContent(
      '링크를 복사했습니다.',
    );
  });

  it('falls back to a box to copy from when the clipboard refuses', async () => {
    const user = userEvent.setup();
    mockClipboard(() => Promise.reject(new Error('denied')));
    document.execCommand = () => false;
    goTo('#/lessons/sequences?lang=en');
    render(<App />);
    const frame = await findFrame('w-ActivationExplorer');
    await user.click(within(frame).getByRole('button', { name: /Copy link/ }));
    expect(within(within(frame).getByTestId('share-bar')).getByRole('status')).toHaveTextContent(
      'Could not copy automatically',
    );
    expect((within(frame).getByLabelText('Link to copy') as HTMLInputElement).value).toContain(
      'at=w-ActivationExplorer',
    );
  });

  it('shows iframe code that opens this widget alone', async () => {
    const user = userEvent.setup();
    const writeText = mockClipboard(async () => {});
    goTo('#/lessons/sequences?lang=en&act.fn=relu');
    render(<App />);
    const frame = await findFrame('w-ActivationExplorer');
    const toggle = within(frame).getByRole('button', { name: /Embed code/ });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const code = within(frame).getByLabelText('iframe code showing only this widget');
    expect((code as HTMLTextAreaElement).value).toMatch(
      /^<iframe src="[^"]*#\/embed\/sequences\/ActivationExplorer\?lang=en&amp;act\.fn=relu" title="Sequence data and recurrent networks — ActivationExplorer \(Gatebook\)"/,
    );
    await user.click(within(frame).getByRole('button', { name: 'Copy code' }));
    expect(writeText.mock.calls[0]![0]).toContain('<iframe');
    expect(within(within(frame).getByTestId('share-bar')).getByRole('status')).toHaveTextContent(
      'Embed code copied.',
    );
  });

  it('lands on the widget named by at= and then drops it from the link', async () => {
    const scrolled: string[] = [];
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this.id);
    };
    goTo('#/lessons/sequences?act.fn=relu&at=w-ActivationExplorer');
    render(<App />);
    await waitFor(() => expect(scrolled).toContain('w-ActivationExplorer'), { timeout: 15_000 });
    expect(document.activeElement?.id).toBe('w-ActivationExplorer');
    expect(window.location.hash).not.toContain('at=');
    expect(window.location.hash).toContain('act.fn=relu');
  });
});

describe('embed mode', { timeout: 60_000 }, () => {
  it('shows one widget of the lesson with the link’s state, without header or footer', async () => {
    goTo('#/embed/sequences/ActivationExplorer?lang=en&act.fn=relu');
    render(<App />);
    expect(await screen.findByTestId('act-dfx', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(document.querySelector('header, footer')).toBeNull();
    expect(document.querySelectorAll('.widget-frame')).toHaveLength(1);
    expect(screen.queryByTestId('share-bar')).toBeNull();
    expect(document.documentElement.classList.contains('embed')).toBe(true);
    expect(screen.getByRole('link', { name: /Open the whole lesson/ })).toHaveAttribute(
      'href',
      '#/lessons/sequences?lang=en&act.fn=relu',
    );
  });

  it('picks an instance by id and says so when a widget is not in the lesson', async () => {
    goTo('#/embed/gru/GruCompare/gruCompare?lang=ko');
    const { unmount } = render(<App />);
    await findFrame('w-GruCompare-gruCompare');
    expect(document.querySelectorAll('.widget-frame')).toHaveLength(1);
    unmount();
    goTo('#/embed/gru/RnnShapes?lang=ko');
    render(<App />);
    expect(await screen.findByRole('alert', {}, { timeout: 15_000 })).toHaveTextContent(
      'RnnShapes',
    );
  });
});
