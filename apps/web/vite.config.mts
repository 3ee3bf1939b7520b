import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const SHELL_COMPONENTS = ['Alert', 'Anchor', 'Badge', 'Box', 'Button', 'Card', 'Center', 'CloseButton', 'Container', 'Group', 'Input', 'InputBase', 'Loader', 'Paper', 'PasswordInput', 'SimpleGrid', 'Stack', 'Text', 'TextInput', 'ThemeIcon', 'Title', 'UnstyledButton', 'ActionIcon', 'Indicator', 'VisuallyHidden'];

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
      output: {
        // What the first screen and nearly every page share goes in one file each (on a 400 ms line every
        // extra request costs more than the bytes): the libraries, and the app's own core.
        advancedChunks: {
          groups: [
            { name: 'vendor', test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack|i18next|react-i18next|@mantine[\\/]hooks|clsx|openapi-fetch)[\\/]/, priority: 30 },
            // Mantine's core and the components of the shell, the login and the landing page only.
            { name: 'mantine', test: new RegExp(`@mantine[\\\\/]core[\\\\/]esm[\\\\/](core|utils|components[\\\\/](${SHELL_COMPONENTS.join('|')}))[\\\\/]`), priority: 20 },
            // Not the full stylesheet, English, nor the Indonesian of later pages: those load when needed.
            { name: 'core', test: /apps[\\/]web[\\/]src[\\/](api|lib|ui|i18n)[\\/](?!full-styles|en[\\/]|id[\\/](?!(first|common|auth|home)\.))/, priority: 10 },
          ],
        },
      },
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
