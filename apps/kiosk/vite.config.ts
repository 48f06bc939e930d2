import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The kiosk renderer: built once, served by the loopback host or loaded by Electron from disk.
export default defineConfig({
  root: 'src/renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../../dist/renderer', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
});
