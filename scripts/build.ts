// `./inbreng build`: always build the web app (CI, Docker).
import { buildWeb } from './web-build.ts';

buildWeb();
