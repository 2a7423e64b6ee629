// Vite config for the dashboard: web/ is the root, the build lands in web/dist (served by
// `splinternet serve`). In dev, API calls are proxied to a running server on 8787.
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  publicDir: 'public',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 600 },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8787', '/openapi.json': 'http://127.0.0.1:8787', '/docs': 'http://127.0.0.1:8787' },
  },
});
