import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));

// The web app lives in src/web; the Fastify server serves dist/web with an SPA fallback.
export default defineConfig({
  root: webRoot,
  // React 19's automatic JSX runtime through Vite's own oxc transform; no React plugin needed.
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir,
    emptyOutDir: true,
    // The e2e bundle-budget test reads the manifest to sum each page's JavaScript.
    manifest: true,
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      // antd's rc-component packages and style helpers do not declare sideEffects, so the
      // bundler keeps whole modules (rc-form's Field and validator on every page) it could drop.
      // Their modules only define things; CSS keeps its side effect.
      treeshake: {
        moduleSideEffects: (id) =>
          id.endsWith('.css') ||
          !/node_modules\/(@rc-component|@ant-design\/(cssinjs|cssinjs-utils|colors|fast-color))\//.test(
            id,
          ),
      },
      onwarn(warning, warn) {
        // antd, react-router and react-query mark modules "use client" for React Server
        // Components; a client-only bundle has nothing to preserve.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    proxy: {
      // The server's paths only: the app's own modules live under /api/ too (src/web/api/).
      // Keep the browser's Host header: the API refuses cookie writes whose Origin host differs.
      '^/api/(v1/|health$|openapi\\.json$|docs)': {
        target: 'http://localhost:3000',
        changeOrigin: false,
      },
    },
  },
});
