import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Builds the renderer into static files that load under a strict CSP: relative paths so the same
 * output works from Electron's file URL and from browser mode's server, and no module preload
 * polyfill because Vite would inject it as an inline script, which the CSP forbids.
 */
export default defineConfig({
  // Vite's config loader supplies import.meta.dirname, so the build works from any working directory.
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    modulePreload: { polyfill: false },
  },
});
