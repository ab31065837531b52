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
    chunkSizeWarningLimit: 1200,
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
