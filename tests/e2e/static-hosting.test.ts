import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';

const site = path.resolve(import.meta.dirname, '../.artifacts/site');
const PREFIX = '/courses/rnn/gatebook/';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
};

/** The plainest static server: files under a sub-path, no SPA fallback, no rewriting. */
function serveUnderPrefix(): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (!url.pathname.startsWith(PREFIX)) {
      res.writeHead(404).end();
      return;
    }
    let file = path.join(site, decodeURIComponent(url.pathname.slice(PREFIX.length)));
    if (!file.startsWith(site)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

let browser: Browser;
let server: Server;
beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), serveUnderPrefix()]);
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

/** A page at `address` below the prefix; `failed` collects HTTP errors and page errors. */
async function openUnderPrefix(address: string) {
  const { port } = server.address() as AddressInfo;
  const page = await browser.newPage();
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  page.on('pageerror', (e) => failed.push(e.message));
  await page.goto(`http://127.0.0.1:${port}${PREFIX}${address}`);
  return { page, failed };
}

describe('the built site on any static server', () => {
  it('works from a sub-path with relative asset URLs', async () => {
    const { page, failed } = await openUnderPrefix('#/lessons/sequences?lang=en');
    await page
      .getByRole('heading', { level: 1, name: 'Sequence data and recurrent networks' })
      .waitFor();
    await page.locator('.widget svg[role="img"]').first().waitFor();
    await page
      .getByRole('link', { name: /Gatebook/ })
      .first()
      .click();
    await page.getByRole('heading', { name: 'Contents' }).waitFor();
    expect(failed).toEqual([]);
    await page.close();
  });

  it('serves the written-out pages from the sub-path, with shipped data found at the base', async () => {
    const { page, failed } = await openUnderPrefix('en/lessons/apriori/');
    await page.getByRole('heading', { level: 1, name: 'Apriori association rules' }).waitFor();
    // The lesson's shipped example data is fetched from the book's base, not the lesson's folder.
    await page.evaluate(() => window.dispatchEvent(new Event('scroll')));
    const data = page.waitForResponse((r) => r.url().includes('/data/'), { timeout: 60_000 });
    const response = await data;
    expect(new URL(response.url()).pathname.startsWith(`${PREFIX}data/`)).toBe(true);
    expect(response.status()).toBe(200);
    // Home, in place, at the sub-path.
    await page
      .getByRole('link', { name: /Gatebook/ })
      .first()
      .click();
    await page.getByRole('heading', { name: 'Contents' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`${PREFIX}en/`);
    expect(failed).toEqual([]);
    await page.close();
  });
});
