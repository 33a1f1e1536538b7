// `./inbreng start`: build the web app when needed, then run the server (API and web, one port).
import { buildWeb, webBuildIsStale } from './web-build.ts';

if (webBuildIsStale()) buildWeb();
await import('../apps/api/src/server.ts');
