import {
  Children,
  isValidElement,
  useEffect,
  useMemo,
  type ReactElement,
  type ReactNode,
} from 'react';
import type { MDXComponents } from 'mdx/types';
import { defineStrings, format } from '../i18n/defineStrings';
import { useLang, useStrings } from '../i18n/useLang';
import { findLesson, isLessonAvailable, lessonPath } from '../lessons/registry';
import { formatHash, getLocation } from '../state/urlStore';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { lessonComponents, proseComponents } from '../widgets';
import { useLessonModule } from './LessonPage';
import { forwardKey } from './forwardKey';
import { nameWidgets } from './widgetIdentity';

const strings = defineStrings(
  'embed',
  {
    loading: '불러오는 중…',
    notFound:
      '"{lesson}" 장에서 위젯 {widget}을(를) 찾지 못했습니다. 임베드 코드를 다시 복사해 주세요.',
    open: 'Gatebook에서 "{lesson}" 전체 보기',
    failed: '이 장을 불러오지 못했습니다. 잠시 뒤 다시 열어 주세요.',
  },
  {
    loading: 'Loading…',
    notFound: 'No widget {widget} in the lesson "{lesson}". Please copy the embed code again.',
    open: 'Open the whole lesson "{lesson}" in Gatebook',
    failed: 'This lesson could not be loaded. Please open it again later.',
  },
);

type AnyProps = { children?: ReactNode; id?: unknown };

/** Depth-first search of the lesson's element tree for one widget instance. */
export function findWidgetElement(
  node: ReactNode,
  type: unknown,
  id: string | undefined,
): ReactElement | null {
  let found: ReactElement | null = null;
  Children.forEach(node, (child) => {
    if (found || !isValidElement<AnyProps>(child)) return;
    if (child.type === type && (id === undefined || child.props.id === id)) found = child;
    else if (child.props.children !== undefined) {
      found = findWidgetElement(child.props.children, type, id);
    }
  });
  return found;
}

/**
 * Renders a lesson file but keeps only one widget: MDX hands its content to `wrapper` as an
 * element of the content function, which we expand to find the widget with the lesson's
 * own props (id, cellId, …), so an embedded widget is exactly the one in the lesson.
 */
function pickOne(
  components: MDXComponents,
  widget: string,
  id: string | undefined,
  notFound: ReactNode,
) {
  return function EmbedWrapper({ children }: { children?: ReactNode }) {
    let tree: ReactNode = children;
    if (isValidElement<object>(children) && typeof children.type === 'function') {
      tree = (children.type as (props: object) => ReactNode)(children.props);
    }
    const target = components[widget];
    const element = target ? findWidgetElement(tree, target, id) : null;
    return element ?? notFound;
  };
}

/**
 * An embed shows one widget, so keys pressed with nothing focused (right after the slide or
 * the LMS page gives the frame focus) belong to it: hand them to the widget's own listeners.
 */
function useForwardKeys(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.target !== document.body && event.target !== document.documentElement) return;
      const widget = document.querySelector('.embed-page .widget');
      if (widget) forwardKey(event, widget);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}

export function EmbedPage({ slug, widget, id }: { slug: string; widget: string; id?: string }) {
  const lang = useLang();
  const t = useStrings(strings);
  const found = findLesson(slug);
  const title = found?.lesson.title[lang] ?? slug;
  useEffect(() => {
    document.title = `${widget} · ${title} — Gatebook`;
  }, [widget, title]);
  useForwardKeys();
  const lessonHref = () => {
    const params = new URLSearchParams({ lang });
    for (const [k, v] of getLocation().params) if (k.includes('.')) params.append(k, v);
    return formatHash(lessonPath(slug), params);
  };
  const missing = (
    <p className="widget-error" role="alert">
      {format(t.notFound, { lesson: title, widget })}
    </p>
  );
  return (
    <div className="embed-page" data-embed={`${slug}/${widget}`}>
      {/* Widgets title themselves with h2/h3: keep the outline in order for them. */}
      <h1 className="embed-heading">{title}</h1>
      <h2 className="embed-heading">{widget}</h2>
      {found && isLessonAvailable(slug) ? (
        <ErrorBoundary
          fallback={() => (
            <p className="widget-error" role="alert">
              {t.failed}
            </p>
          )}
        >
          <EmbedContent slug={slug} widget={widget} id={id} missing={missing} />
        </ErrorBoundary>
      ) : (
        missing
      )}
      <p className="embed-source">
        <a href={lessonHref()} target="_blank" rel="noopener">
          {format(t.open, { lesson: title })} ↗
        </a>
      </p>
    </div>
  );
}

function EmbedContent({
  slug,
  widget,
  id,
  missing,
}: {
  slug: string;
  widget: string;
  id?: string;
  missing: ReactNode;
}) {
  const lang = useLang();
  const t = useStrings(strings);
  const lesson = useLessonModule(slug, lang);
  const components = nameWidgets(lessonComponents);
  // One wrapper per widget and language: a new wrapper type would remount the widget.
  const wrapper = useMemo(
    () => pickOne(components, widget, id, missing),
    // `missing` only changes with the language, which remounts this anyway.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [components, widget, id, lang],
  );
  if (!lesson) {
    return (
      <p className="loading" role="status">
        {t.loading}
      </p>
    );
  }
  const Content = lesson.default;
  return <Content components={{ ...components, ...proseComponents, wrapper }} />;
}
