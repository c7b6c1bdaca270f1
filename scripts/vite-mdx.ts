import { compile, type CompileOptions } from '@mdx-js/mdx';
import type { Plugin } from 'vite';
import { VFile } from 'vfile';

/**
 * Compiles lesson `.mdx` files for Vite. We use @mdx-js/mdx directly rather than
 * @mdx-js/rollup: the latter pulls in Rollup as a peer, whose per-platform binaries the
 * package registry here does not fully serve, which breaks `npm ci` on a fresh machine.
 */
export interface MdxPluginOptions extends Omit<CompileOptions, 'development'> {
  /**
   * Modules every compiled page imports first (e.g. KaTeX's stylesheet): they load with the
   * lessons that need them, not with the home page.
   */
  prelude?: readonly string[];
}

export function mdx({ prelude = [], ...options }: MdxPluginOptions = {}): Plugin {
  let development = false;
  return {
    name: 'gatebook-mdx',
    enforce: 'pre',
    configResolved(config) {
      development = config.mode === 'development';
    },
    async transform(source, id) {
      const path = id.split('?')[0] ?? id;
      if (!path.endsWith('.mdx')) return null;
      const file = new VFile({ path, value: source });
      const compiled = await compile(file, { ...options, development });
      const imports = prelude.map((module) => `import ${JSON.stringify(module)};\n`).join('');
      return { code: imports + String(compiled.value), map: null };
    },
  };
}
