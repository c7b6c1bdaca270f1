import { createContext, useContext, useLayoutEffect } from 'react';
import type { Schema } from './schema';

/**
 * What the shell learns from a widget's `useWidgetState` calls, without the widget doing
 * anything: which URL prefixes are its state (so "copy link" shares exactly this widget's
 * state), and which schemas exist (so tests can fuzz every one of them).
 */
export interface WidgetScope {
  /** `prefix` is this widget's; its URL keys are `prefix.<key>` for each key of `schema`. */
  claim(prefix: string, schema: Schema): void;
}

export const WidgetScopeContext = createContext<WidgetScope | null>(null);

const schemas = new Map<string, Schema>();

/** Every schema a rendered widget has used, by its URL prefix (the widget's `id`). */
export function registeredSchemas(): ReadonlyMap<string, Schema> {
  return schemas;
}

export function registerSchema(prefix: string, schema: Schema): void {
  schemas.set(prefix, schema);
}

/** Called by `useWidgetState`: tells the enclosing frame (if any) that `prefix` is its state. */
export function useClaimState(prefix: string, schema: Schema): void {
  const scope = useContext(WidgetScopeContext);
  useLayoutEffect(() => {
    registerSchema(prefix, schema);
    scope?.claim(prefix, schema);
  }, [scope, prefix, schema]);
}
