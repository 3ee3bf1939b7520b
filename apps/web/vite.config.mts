import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// The api serves the built files (dist/apps/web) at `/`; `npm run dev:web` proxies /api and sockets to it.
export default defineConfig({
  root,
  resolve: { alias: { '@': `${root}src` } },
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: `${root}../../dist/apps/web`,
    emptyOutDir: true,
    target: 'es2022',
    // Every route is its own chunk; the budget is for what the first screen loads.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      // Mantine marks its modules "use client" (for React Server Components); meaningless in a SPA.
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/socket.io': { target: 'http://localhost:3000', ws: true },
    },
  },
});
