import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Builds the three portals (京通 Tong, 京办 Ban, 京智 Zhi) into one single-page app.
 * The server serves `dist/` and falls back to index.html for unknown page paths,
 * so routing is browser history with base `/`.
 */
export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    emptyOutDir: true,
    // Inlined assets would become data: URLs in scripts/styles; keep everything
    // as files under /assets/ so the server's strict CSP never has to bend.
    assetsInlineLimit: 0,
    // MapLibre alone is ~1 MB minified; only 京智 loads it.
    chunkSizeWarningLimit: 1100,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // The map and chart libraries change far less often than our code:
          // own chunks keep them cached across deployments.
          groups: [
            { name: 'maplibre', test: /node_modules[\\/]maplibre-gl[\\/]/ },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    // `npm run dev -w @jing/web` next to `jing serve` on :8080.
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
