import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
// Where `npm run dev` proxies the API to; override to develop against a server on another port.
const apiTarget = process.env.RAPPORT_API_URL ?? 'http://127.0.0.1:3000';

/**
 * The web app is built into `dist/web` at the repo root, where the server serves it from `/`.
 * In development the API runs on port 3000; proxying `/api` (including the realtime WebSocket)
 * keeps the session cookie same-origin so dev and production behave alike.
 */
export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir: `${repoRoot}dist/web`,
    emptyOutDir: true,
    // ECharts (on demand, ~540 kB) is the largest chunk; anything bigger deserves a look.
    chunkSizeWarningLimit: 600,
    rollupOptions: {
      output: {
        manualChunks(id) {
          // One chunk per language (all capabilities' messages), fetched when that language is chosen.
          const messages = /\/src\/web\/i18n\/[\w-]+\.([a-z]{2,3}(?:-[A-Za-z]+)?)\.json$/.exec(id);
          if (messages) return `messages-${messages[1]}`;
          // The framework every page runs on changes far less often than the app: its own chunk
          // stays cached across our releases. (Mantine is left to the default split, which puts
          // each component with the pages that use it.)
          if (/\/node_modules\/(react|react-dom|scheduler|react-router|react-router-dom|@tanstack\/[\w-]+|react-intl|@formatjs\/[\w-]+|intl-messageformat)\//.test(id)) return 'framework';
          return undefined;
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      // A pattern rather than the '/api' prefix: the client's own sources live in `src/web/api/`,
      // and Vite serves those under the same prefix in development.
      '^/api/(v1|docs|health|openapi\\.json)': { target: apiTarget, changeOrigin: false, ws: true },
    },
  },
});
