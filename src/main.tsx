// First paint needs only Noto Sans KR's Latin faces and the book's own Korean face (the
// Hangul and symbols the book writes, cut from Noto Sans KR at build time).
import '@fontsource/noto-sans-kr/latin-400.css';
import '@fontsource/noto-sans-kr/latin-700.css';
import './fonts/generated/gatebook-kr.css';
import './styles/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';

const root = document.getElementById('root');
if (!root) throw new Error('Gatebook: #root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The rest of Noto Sans KR — ~240 unicode-range faces, 50 kB of CSS — only serves text the
// book does not contain (a learner's own review, an uploaded corpus), which appears only after
// the learner does something: it loads at the first key, tap or click, or 5 s after the page.
const FIRST_INPUT = ['pointerdown', 'keydown', 'touchstart'] as const;
let fallbackRequested = false;
function loadFallbackFaces() {
  if (fallbackRequested) return;
  fallbackRequested = true;
  for (const type of FIRST_INPUT) window.removeEventListener(type, loadFallbackFaces, true);
  void import('@fontsource/noto-sans-kr/400.css');
  void import('@fontsource/noto-sans-kr/700.css');
}
for (const type of FIRST_INPUT) window.addEventListener(type, loadFallbackFaces, true);
setTimeout(loadFallbackFaces, 5000);
