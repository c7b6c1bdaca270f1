import {
  Suspense,
  useContext,
  useEffect,
  useRef,
  useState,
  type ComponentType,
  type LazyExoticComponent,
} from 'react';
import { forwardKey } from '../app/forwardKey';
import { ShareBar } from '../app/ShareBar';
import { WidgetIdentityContext, widgetAnchor, type WidgetIdentity } from '../app/widgetIdentity';
import { defineStrings } from '../i18n/defineStrings';
import { useStrings } from '../i18n/useLang';
import { getLocation, updateParams } from '../state/urlStore';
import { useLocation } from '../state/useLocation';
import { WidgetScopeContext, type WidgetScope } from '../state/widgetScope';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { useDeferredMount } from './useDeferredMount';

const strings = defineStrings(
  'widgetFrame',
  {
    failed: '이 위젯에서 오류가 났습니다. 나머지 내용은 그대로 볼 수 있습니다.',
    retry: '다시 시도',
    loading: '위젯을 불러오는 중…',
  },
  {
    failed: 'This widget ran into an error. The rest of the lesson still works.',
    retry: 'Try again',
    loading: 'Loading the widget…',
  },
);

/** Collects the URL prefixes that the framed widget's `useWidgetState` calls use. */
function useScope(): [WidgetScope, ReadonlySet<string>] {
  const [keys] = useState(() => new Set<string>());
  const [scope] = useState<WidgetScope>(() => ({
    claim: (prefix, schema) => {
      for (const key of Object.keys(schema)) keys.add(`${prefix}.${key}`);
    },
  }));
  return [scope, keys];
}

/** A shared link's `at=` names the widget to land on: scroll there once it has loaded. */
function ArriveHere({ anchor }: { anchor: string }) {
  useEffect(() => {
    if (getLocation().params.get('at') !== anchor) return;
    const frame = document.getElementById(anchor);
    if (!frame) return;
    frame.scrollIntoView?.({ block: 'start' });
    frame.focus({ preventScroll: true });
    // The link has done its job; leave the rest of the URL as it is.
    updateParams((p) => p.delete('at'));
  }, [anchor]);
  return null;
}

/**
 * Every embedded widget gets its own error boundary and loading state and, inside a lesson,
 * a share bar (copy link, embed code) and a stable anchor (`w-<Name>[-<id>]`).
 */
export function WidgetFrame({ children }: { children: React.ReactNode }) {
  const t = useStrings(strings);
  const identity = useContext(WidgetIdentityContext);
  const { path } = useLocation();
  const [scope, stateKeys] = useScope();
  const slug = /^\/lessons\/([a-z0-9-]+)$/.exec(path)?.[1];
  const anchor = identity ? widgetAnchor(identity) : undefined;
  const frame = useRef<HTMLDivElement>(null);
  const mounted = useDeferredMount(
    frame,
    anchor !== undefined && getLocation().params.get('at') === anchor,
  );
  return (
    <div
      ref={frame}
      className="widget-frame"
      id={anchor}
      data-widget={identity?.name}
      tabIndex={anchor ? -1 : undefined}
      onKeyDown={(event) => {
        // Focus on the frame itself (a landed link, a click on its edge): keys go to the widget.
        // (In classroom mode steppers already listen on the whole page.)
        if (event.target !== event.currentTarget) return;
        if (document.documentElement.classList.contains('classroom')) return;
        const widget = event.currentTarget.querySelector('.widget');
        if (widget) forwardKey(event.nativeEvent, widget);
      }}
    >
      <WidgetScopeContext value={scope}>
        <ErrorBoundary
          fallback={(error, retry) => (
            <div className="widget-error" role="alert">
              <p>{t.failed}</p>
              <p className="muted">
                <code>{error.message.slice(0, 200)}</code>
              </p>
              <button type="button" className="button" onClick={retry}>
                {t.retry}
              </button>
            </div>
          )}
        >
          {mounted ? (
            <Suspense
              fallback={
                <div className="widget-loading" role="status">
                  {t.loading}
                </div>
              }
            >
              {children}
              {anchor && <ArriveHere anchor={anchor} />}
            </Suspense>
          ) : (
            <div className="widget-loading widget-deferred">{t.loading}</div>
          )}
        </ErrorBoundary>
      </WidgetScopeContext>
      {identity && slug && <ShareBar slug={slug} identity={identity} stateKeys={stateKeys} />}
    </div>
  );
}

export function framed<P extends object>(
  Widget: LazyExoticComponent<ComponentType<P>> | ComponentType<P>,
) {
  function Framed(props: P) {
    return (
      <WidgetFrame>
        <Widget {...props} />
      </WidgetFrame>
    );
  }
  return Framed;
}

export type { WidgetIdentity };
