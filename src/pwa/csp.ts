// The Content-Security-Policy of the built site: one string, sent by `vite preview` as a
// header and written into every built HTML page as a <meta> tag for plain static hosting.
//
// - script-src: only our own files. No 'unsafe-eval': tfjs, d3 and KaTeX never build code
//   from strings; the WebAssembly backend compiles its binary, which CSP allows with
//   'wasm-unsafe-eval' alone.
// - style-src-elem 'self': every stylesheet is a file from our build (fonts, KaTeX, ours).
// - style-src-attr 'unsafe-inline': KaTeX's HTML output, inserted as markup, positions
//   glyphs with style="height:…; vertical-align:…" attributes; without them every formula
//   collapses. Style attributes cannot run script. Browsers without the -elem/-attr
//   directives (CSP 2) fall back to style-src, which therefore allows both.
// - worker-src: the training worker is a file of ours; blob: covers the wasm backend's
//   threaded build, which spawns its helpers from blob URLs.
// - img-src blob:/data:: the SVG→PNG export draws the figure from a blob URL.
// - font-src data:: Vite inlines font files below 4 kB into the CSS as data URLs.
// - script-src also allows one inline script by its hash: PAGE_GUARD_SCRIPT below.
// - frame-ancestors is left out on purpose: embedding a widget in an LMS page needs it open.
/**
 * The one inline script, in the head of every page written out at build time: before the
 * first paint it marks an address in hash form (`#/lessons/gru` opened from the home page's
 * HTML), whose written-out content is then hidden and replaced; sends a learner who chose
 * English from the bare address (the Korean home page) to the English one, as the hash form's
 * remembered language did; and applies the learner's theme, so a dark-theme reader never sees
 * the light page flash.
 */
export const PAGE_GUARD_SCRIPT =
  "(()=>{const d=document.documentElement;if(location.hash.startsWith('#/'))d.dataset.hashRoute='';try{if(d.dataset.prerendered==='#/?lang=ko'&&!location.hash&&!location.search&&localStorage.getItem('gatebook.lang')==='en')location.replace('en/');const t=localStorage.getItem('gatebook.theme');d.dataset.theme=t==='dark'||t==='light'?t:matchMedia('(prefers-color-scheme: dark)').matches?'dark':'light'}catch{}})()";
/** Its CSP source; tests/unit/build/prerender.test.ts checks it against the script. */
export const PAGE_GUARD_SOURCE = "'sha256-M4z10/G5oRgKIrDHaq1WJfa2jwYILXgydJlI8jjAnlY='";

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${PAGE_GUARD_SOURCE}`,
  "style-src 'self' 'unsafe-inline'",
  "style-src-elem 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');
