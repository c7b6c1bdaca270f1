import react from '@vitejs/plugin-react';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import { defineConfig } from 'vite';
import { mdx } from './scripts/vite-mdx.ts';
import { rehypeFocusableMath } from './src/lessons/rehypeFocusableMath.ts';

// GATEBOOK_BASE lets the static site live under any sub-path; './' (the default) makes
// dist/ work from any static server because routing is hash-based.
const base = process.env.GATEBOOK_BASE ?? './';

export default defineConfig({
  base,
  plugins: [
    mdx({
      remarkPlugins: [remarkMath],
      rehypePlugins: [
        [rehypeKatex, { output: 'htmlAndMathml', strict: 'error' }],
        rehypeFocusableMath,
      ],
      providerImportSource: undefined,
    }),
    react({ include: /\.(mdx|tsx|ts)$/ }),
  ],
  server: { port: 5173, strictPort: false, host: '127.0.0.1' },
  preview: { port: 4173, host: '127.0.0.1' },
  build: {
    target: 'es2022',
    sourcemap: false,
    manifest: true,
    chunkSizeWarningLimit: 2000,
    // lab.html: a test and benchmark page for the tensor runtime, not linked from the book.
    rolldownOptions: { input: { main: 'index.html', lab: 'lab.html' } },
  },
  // The training worker (src/core/worker) is an ES module worker.
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['@tensorflow/tfjs-backend-wasm'] },
});
