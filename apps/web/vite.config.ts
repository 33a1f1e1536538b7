import { paraglideVitePlugin } from '@inlang/paraglide-js';
import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

// In `./inbreng dev` the API runs as its own process; Vite forwards /api to it.
const apiUrl = process.env.INBRENG_API_URL ?? 'http://127.0.0.1:3001';

export default defineConfig({
  plugins: [
    paraglideVitePlugin({
      project: './project.inlang',
      outdir: './src/lib/paraglide',
      strategy: ['cookie', 'baseLocale'],
    }),
    sveltekit({ adapter: adapter({ out: 'build' }) }),
  ],
  server: {
    host: '127.0.0.1',
    port: Number(process.env.PORT ?? 3000),
    strictPort: true,
    proxy: { '/api': apiUrl },
  },
});
