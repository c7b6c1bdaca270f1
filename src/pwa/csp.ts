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
// - frame-ancestors is left out on purpose: embedding a widget in an LMS page needs it open.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
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
