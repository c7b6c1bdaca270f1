import { createContext, useContext } from 'react';
import type { Dictionary } from './defineStrings';
import { DEFAULT_LANG, type Lang } from './lang';

export const LangContext = createContext<Lang>(DEFAULT_LANG);

export function useLang(): Lang {
  return useContext(LangContext);
}

/** The current language's table of a component's strings. */
export function useStrings<K extends string>(dict: Dictionary<K>): Record<K, string> {
  return dict[useLang()];
}
