import { createContext, useMemo, type ComponentType } from 'react';
import type { MDXComponents } from 'mdx/types';

/** Which widget a frame holds: its registered name and the `id` prop the lesson gave it. */
export interface WidgetIdentity {
  name: string;
  id?: string;
}

export const WidgetIdentityContext = createContext<WidgetIdentity | null>(null);

const SAFE_ID = /^[A-Za-z0-9_-]{1,60}$/;

/**
 * A widget instance's page anchor: `w-<Name>` or `w-<Name>-<id>`. A lesson that uses one
 * widget twice gives each an `id` (the lessons test checks that anchors are unique).
 */
export function widgetAnchor({ name, id }: WidgetIdentity): string {
  return id && SAFE_ID.test(id) ? `w-${name}-${id}` : `w-${name}`;
}

const named = new WeakMap<MDXComponents, MDXComponents>();

/** Wraps every registered widget so its frame knows its name and id (for links and embeds). */
export function nameWidgets(components: MDXComponents): MDXComponents {
  const hit = named.get(components);
  if (hit) return hit;
  const out: Record<string, ComponentType<Record<string, unknown>>> = {};
  for (const [name, Widget] of Object.entries(components)) {
    if (typeof Widget !== 'function' && typeof Widget !== 'object') continue;
    const Inner = Widget as ComponentType<Record<string, unknown>>;
    function Named(props: Record<string, unknown>) {
      const id = typeof props.id === 'string' ? props.id : undefined;
      const identity = useMemo(() => (id ? { name, id } : { name }), [id]);
      return (
        <WidgetIdentityContext value={identity}>
          <Inner {...props} />
        </WidgetIdentityContext>
      );
    }
    Named.displayName = `Named(${name})`;
    out[name] = Named;
  }
  named.set(components, out as MDXComponents);
  return out as MDXComponents;
}
