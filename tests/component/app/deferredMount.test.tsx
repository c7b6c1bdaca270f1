import { act, render, screen, waitFor } from '@testing-library/react';
import { useEffect } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** A stand-in IntersectionObserver the test can make report "near the viewport". */
class FakeIntersectionObserver {
  static instances: FakeIntersectionObserver[] = [];
  disconnected = false;
  constructor(private readonly callback: IntersectionObserverCallback) {
    FakeIntersectionObserver.instances.push(this);
  }
  observe() {}
  unobserve() {}
  takeRecords() {
    return [];
  }
  disconnect() {
    this.disconnected = true;
  }
  comeNear() {
    this.callback(
      [{ isIntersecting: true } as IntersectionObserverEntry],
      this as unknown as IntersectionObserver,
    );
  }
}

async function freshFrame() {
  // deferredMount keeps page-wide state (has the page settled?): a fresh copy per test.
  vi.resetModules();
  return (await import('../../../src/widgets/WidgetFrame')).framed;
}

describe('widgets below the first screen', () => {
  beforeEach(() => {
    FakeIntersectionObserver.instances = [];
    vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('show a placeholder until they come near the viewport, then mount', async () => {
    const framed = await freshFrame();
    const Widget = framed(() => <p>the widget</p>);
    render(<Widget />);
    expect(screen.queryByText('the widget')).toBeNull();
    expect(document.querySelector('.widget-frame > .widget-deferred')).not.toBeNull();
    act(() => FakeIntersectionObserver.instances[0]!.comeNear());
    expect(await screen.findByText('the widget')).toBeInTheDocument();
    expect(document.querySelector('.widget-deferred')).toBeNull();
    expect(FakeIntersectionObserver.instances[0]!.disconnected).toBe(true);
  });

  it('all mount in idle time, top to bottom, once the learner starts using the page', async () => {
    const framed = await freshFrame();
    const order: string[] = [];
    const Probe = ({ name }: { name: string }) => {
      useEffect(() => {
        order.push(name);
      }, [name]);
      return <p>{name}</p>;
    };
    const Frame = framed(Probe);
    render(
      <>
        <Frame name="first" />
        <Frame name="second" />
        <Frame name="third" />
      </>,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(order).toEqual([]); // nothing yet: the learner has not touched the page
    act(() => {
      window.dispatchEvent(new Event('scroll'));
    });
    expect(await screen.findByText('third', {}, { timeout: 3000 })).toBeInTheDocument();
    // The last one's effect may run a moment after its text is in the page.
    await waitFor(() => expect(order).toEqual(['first', 'second', 'third']));
  });
});
