import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config';

// Three projects, one command: core logic in Node (tfjs cpu backend), components in jsdom,
// and the built site in Debian's Chromium driven by playwright-core.
export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      reporters: ['default', './tests/support/summaryReporter.ts'],
      // Three test files at a time on the two-core CI machine (see the browser project).
      maxWorkers: 3,
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            environment: 'node',
            include: ['tests/unit/**/*.test.ts'],
            testTimeout: 60_000,
          },
        },
        {
          extends: true,
          test: {
            name: 'component',
            environment: 'jsdom',
            include: ['tests/component/**/*.test.{ts,tsx}'],
            setupFiles: ['tests/support/jsdomSetup.ts'],
            testTimeout: 20_000,
          },
        },
        {
          extends: true,
          test: {
            name: 'browser',
            environment: 'node',
            include: ['tests/e2e/**/*.test.ts'],
            globalSetup: ['tests/support/serveBuiltSite.ts'],
            // Browser files run in parallel with each other and with the unit and component
            // files (three workers in all, see maxWorkers above): much of a browser test is
            // waiting on animations, workers and polls, which other files' work fills.
            testTimeout: 120_000,
            hookTimeout: 180_000,
            // Lessons and widgets load lazily; on a busy 2-core machine that can take seconds.
            expect: { poll: { timeout: 15_000, interval: 100 } },
          },
        },
      ],
    },
  }),
);
