// What every browser benchmark shares: Debian's Chromium with the flags of
// tests/support/browser.ts (never a downloaded browser, never --disable-software-rasterizer:
// the webgl rows need SwiftShader), and the built site served by `vite preview`.
import { chromium } from 'playwright-core';
import { preview } from 'vite';

export const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** Serves `dist` (the built book) on a free port; returns the server and its URL. */
export async function previewSite(root, dist) {
  const server = await preview({
    root,
    logLevel: 'warn',
    build: { outDir: dist },
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  return { server, url };
}
