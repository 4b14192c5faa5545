import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The web app is built into dist/apps/web beside the compiled API, which serves it at `/`
 * (the Docker image copies dist/ whole). Element Plus components are imported where a template
 * uses them, so a page loads only the components it shows.
 */
export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [vue(), Components({ dts: false, resolvers: [ElementPlusResolver({ importStyle: false })] })],
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${here('./src')}/` },
      // Pure TypeScript shared with the server: the Chinese number and date style of the reports.
      { find: /^@sunshine\/domain$/, replacement: here('../../libs/domain/src/index.ts') },
      { find: /^@sunshine\/reports\/(.*)$/, replacement: `${here('../../libs/reports/src')}/$1` },
    ],
  },
  build: {
    outDir: here('../../dist/apps/web'),
    emptyOutDir: true,
    manifest: true,
    // Fonts and images stay files of their own: the Content-Security-Policy allows no data: fonts.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1024,
  },
  server: {
    port: 5150,
    strictPort: true,
    proxy: { '/api': { target: process.env.SUNSHINE_API ?? 'http://127.0.0.1:3150', changeOrigin: false } },
  },
});
