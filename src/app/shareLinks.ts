import type { Lang } from '../i18n/lang';
import { bookBaseUrl, formatHash } from '../state/urlStore';
import { embedPath } from './routes';
import { widgetAnchor, type WidgetIdentity } from './widgetIdentity';

/** Where the textbook is served from (not a lesson's own folder on a written-out page). */
export function siteBase(): string {
  return bookBaseUrl();
}

/** Only this widget's state (the `prefix.key` entries of its schemas) travels in a shared link. */
export function widgetParams(all: URLSearchParams, keys: ReadonlySet<string>): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, value] of all) if (keys.has(key)) out.append(key, value);
  return out;
}

export function widgetLink(
  slug: string,
  identity: WidgetIdentity,
  lang: Lang,
  state: URLSearchParams,
): string {
  const params = new URLSearchParams({ lang });
  for (const [k, v] of state) params.append(k, v);
  params.set('at', widgetAnchor(identity));
  return siteBase() + formatHash(`/lessons/${slug}`, params);
}

export function embedLink(
  slug: string,
  identity: WidgetIdentity,
  lang: Lang,
  state: URLSearchParams,
): string {
  const params = new URLSearchParams({ lang });
  for (const [k, v] of state) params.append(k, v);
  return siteBase() + formatHash(embedPath(slug, identity.name, identity.id), params);
}

const escapeAttr = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function iframeSnippet(src: string, title: string): string {
  return `<iframe src="${escapeAttr(src)}" title="${escapeAttr(title)}" width="100%" height="640" style="border:0;max-width:100%" loading="lazy" allow="fullscreen"></iframe>`;
}
