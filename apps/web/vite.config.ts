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
    sveltekit({
      adapter: adapter({ out: 'build' }),
      // SvelteKit adds a nonce (hash when prerendered) for every script and style it writes itself.
      // The OIDC sign-in is a plain link to /api, so form-action can stay on this origin.
      csp: {
        mode: 'auto',
        directives: {
          'default-src': ['self'],
          'script-src': ['self'],
          // The one inline style SvelteKit writes: its route announcer's (kit/src/runtime/components/root.svelte).
          // A new SvelteKit version may change it; the e2e tests fail on any CSP report in the console.
          'style-src': ['self', 'unsafe-hashes', 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='],
          // NL Design System draws the select's arrow as a data: SVG.
          'img-src': ['self', 'data:'],
          'font-src': ['self'],
          'connect-src': ['self'],
          'frame-src': ['none'],
          'frame-ancestors': ['none'],
          'object-src': ['none'],
          'base-uri': ['self'],
          'form-action': ['self'],
        },
      },
    }),
  ],
  server: {
    host: '127.0.0.1',
    port: Number(process.env.PORT ?? 3000),
    strictPort: true,
    proxy: { '/api': apiUrl },
  },
});
