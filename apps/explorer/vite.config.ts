import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/** `npm run build` writes the explorer to dist/explorer, which the registry serves at `/`. */
export default defineConfig({
  root: here,
  base: '/',
  plugins: [preact()],
  build: { outDir: fileURLToPath(new URL('../../dist/explorer', import.meta.url)), emptyOutDir: true },
});
