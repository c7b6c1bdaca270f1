// Noto Sans KR's 248 @font-face rules (one per unicode-range slice) are 110 kB of CSS: loaded
// after the first paint instead of blocking it. Until they arrive, text uses the system's
// Korean font (see --font in global.css); the browser then fetches only the slices a page uses.
import '@fontsource/noto-sans-kr/400.css';
import '@fontsource/noto-sans-kr/700.css';
