import { Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { defineStrings } from '../i18n/defineStrings';
import { useStrings } from '../i18n/useLang';
import { ErrorBoundary } from '../ui/ErrorBoundary';

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

/** Every embedded widget gets its own error boundary and loading state. */
export function WidgetFrame({ children }: { children: React.ReactNode }) {
  const t = useStrings(strings);
  return (
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
      <Suspense
        fallback={
          <div className="widget-loading" role="status">
            {t.loading}
          </div>
        }
      >
        {children}
      </Suspense>
    </ErrorBoundary>
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
