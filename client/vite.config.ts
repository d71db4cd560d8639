import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the API runs separately; the dev server forwards API paths to it.
const apiUrl = process.env.API_URL ?? 'http://localhost:4000';
const toApi = { target: apiUrl, changeOrigin: true };

export default defineConfig({
  plugins: [react()],
  optimizeDeps: {
    // GraphiQL's GraphQL worker (monaco-graphql) imports these, and they (or their own
    // dependencies) are CommonJS: the dev server must pre-bundle them for the worker to load.
    include: ['picomatch-browser', 'graphql-language-service'],
  },
  server: {
    port: 5173,
    proxy: {
      '/graphql': { ...toApi, ws: true },
      '/uploads': toApi,
      '/attachments': toApi,
      '/widget.js': toApi,
      '/widget-demo': toApi,
    },
  },
  preview: {
    proxy: {
      '/graphql': { ...toApi, ws: true },
      '/uploads': toApi,
      '/attachments': toApi,
    },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    // GraphiQL and its editor (monaco) are large, but live in chunks loaded only on /graphiql.
    chunkSizeWarningLimit: 3000,
    rolldownOptions: {
      // The web client, and the chat widget a website frames (its own small bundle).
      input: { main: 'index.html', widget: 'widget.html' },
      onwarn(warning, warn) {
        // GraphiQL's packages start modules with React Compiler directives ("use no memo"); harmless.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});
