import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { isLang } from '../i18n/lang';
import { followBookLinksInPlace, getLocation, usesPathRouting } from '../state/urlStore';
import { App } from './App';
import { preloadLesson } from './LessonPage';
import { matchRoute } from './routes';

const app = (
  <StrictMode>
    <App />
  </StrictMode>
);

/**
 * Starts the app in `container`. A page written out at build time (scripts/build/prerender.ts)
 * is hydrated when the address is the one it was written for; with widget state in its query,
 * or a hash address, the app renders afresh in its place (the guard script has already hidden
 * a hash address's stale HTML).
 */
export async function start(container: HTMLElement): Promise<void> {
  const prerendered = container.hasAttribute('data-prerendered-root');
  if (prerendered && usesPathRouting()) {
    followBookLinksInPlace();
    // The head names the icon and manifest relative to this folder; in-place moves to other
    // folders would make the browser resolve them anew, wrongly. Absolute from here on. (Not
    // the stylesheets: a new href reloads a sheet, and the page goes unstyled meanwhile.)
    const moving = 'link[rel~="icon"][href], link[rel="manifest"][href]';
    for (const link of document.head.querySelectorAll<HTMLLinkElement>(moving)) {
      link.setAttribute('href', link.href);
    }
    const { pathname, search, hash } = window.location;
    if (!pathname.endsWith('/') && !pathname.endsWith('.html')) {
      // Links on the page are relative to its folder.
      window.history.replaceState(window.history.state, '', `${pathname}/${search}${hash}`);
    }
    const { path, params } = getLocation();
    if ([...params.keys()].every((key) => key === 'lang')) {
      const route = matchRoute(path);
      const lang = params.get('lang');
      if (route.name === 'lesson' && isLang(lang)) {
        // Its chunk is preloaded by the page; a failure shows in the page's error boundary.
        await preloadLesson(route.slug, lang).catch(() => undefined);
      }
      hydrateRoot(container, app);
      return;
    }
  }
  if (prerendered) {
    container.replaceChildren();
    container.removeAttribute('data-prerendered-root');
  }
  createRoot(container).render(app);
}
