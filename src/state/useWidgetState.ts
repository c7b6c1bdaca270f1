import { useCallback, useEffect, useMemo } from 'react';
import { reportNotices } from './notices';
import { parseState, sanitize, serializeState, type Schema, type StateOf } from './schema';
import { updateParams } from './urlStore';
import { useLocation } from './useLocation';
import { useClaimState } from './widgetScope';

export type SetWidgetState<S extends Schema> = (
  patch: Partial<StateOf<S>> | ((prev: StateOf<S>) => Partial<StateOf<S>>),
) => void;

/**
 * A widget's shareable state, stored in the URL under `id.key`. Because it lives outside
 * the component, switching language (which swaps the lesson's content) keeps it intact.
 */
export function useWidgetState<S extends Schema>(
  id: string,
  schema: S,
): [StateOf<S>, SetWidgetState<S>] {
  useClaimState(id, schema);
  const { params } = useLocation();
  const relevant = useMemo(() => {
    const parts: string[] = [];
    for (const key of Object.keys(schema)) {
      const raw = params.get(`${id}.${key}`);
      if (raw !== null) parts.push(`${key}=${raw}`);
    }
    return parts.join('&');
  }, [params, id, schema]);

  const parsed = useMemo(() => {
    const values = new URLSearchParams(relevant);
    return parseState(schema, (key) => values.get(key));
  }, [relevant, schema]);

  useEffect(() => {
    if (parsed.notices.length === 0) return;
    reportNotices(id, parsed.notices);
    // Rewrite the link so it shows what the page really uses.
    const canonical = serializeState(schema, parsed.state);
    updateParams((p) => {
      for (const [key, value] of Object.entries(canonical)) {
        if (value === null) p.delete(`${id}.${key}`);
        else p.set(`${id}.${key}`, value);
      }
    });
  }, [parsed, id, schema]);

  const state = parsed.state;
  const setState = useCallback<SetWidgetState<S>>(
    (patch) => {
      updateParams((p) => {
        const current = parseState(schema, (key) => p.get(`${id}.${key}`)).state;
        const raw = typeof patch === 'function' ? patch(current) : patch;
        const next = { ...current, ...sanitize(schema, raw) };
        for (const [key, value] of Object.entries(serializeState(schema, next))) {
          if (value === null) p.delete(`${id}.${key}`);
          else p.set(`${id}.${key}`, value);
        }
      });
    },
    [id, schema],
  );
  return [state, setState];
}
