// The JavaScript a page makes the browser load, read from its HTML the way the browser finds it:
// <script src>, the inline boot script's import("…"), <link rel="modulepreload"> (SvelteKit lists a
// page's chunks there) and a Link header, then every static import of those files in turn. Lazy
// import()s inside the chunks are left out: they load only when something asks for them.
import { gzipSync } from 'node:zlib';

const attr = (tag: string, name: string) =>
  new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)?.slice(1).find(Boolean);

/** The script URLs a page names itself, absolute. */
export function scriptsNamedBy(html: string, pageUrl: string, linkHeader: string | null): string[] {
  const found = new Set<string>();
  const add = (ref: string | undefined) => {
    if (ref) found.add(new URL(ref.replaceAll('&amp;', '&'), pageUrl).href);
  };
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) add(attr(tag, 'src'));
  for (const [, body] of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) {
    for (const [, ref] of body!.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)) add(ref);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    if (/\brel\s*=\s*["']?modulepreload/i.test(tag)) add(attr(tag, 'href'));
  }
  for (const part of (linkHeader ?? '').split(',')) {
    const ref = /<([^>]+)>/.exec(part)?.[1];
    if (ref && /rel\s*=\s*"?modulepreload/i.test(part)) add(ref);
  }
  return [...found];
}

/** The style sheets a page links, absolute. */
export function stylesNamedBy(html: string, pageUrl: string): string[] {
  const found = new Set<string>();
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const href = attr(tag, 'href');
    if (href && /\brel\s*=\s*["']?stylesheet/i.test(tag)) found.add(new URL(href, pageUrl).href);
  }
  return [...found];
}

/** Static imports in a (minified) ES module: `import x from"./a.js"`, `import"./b.js"`, `export*from"./c.js"`. */
export function staticImports(code: string, fileUrl: string): string[] {
  const refs = new Set<string>();
  for (const [, ref] of code.matchAll(
    /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g,
  )) {
    refs.add(new URL(ref!, fileUrl).href);
  }
  return [...refs];
}

type Asset = { bytes: number; gzipBytes: number; imports: string[] };

/** Fetches each file once for the whole run; the same chunk on ten pages is downloaded once. */
export function createAssetCache() {
  const assets = new Map<string, Promise<Asset>>();
  const get = (url: string, isModule: boolean) => {
    let asset = assets.get(url);
    if (!asset) {
      asset = (async () => {
        const response = await fetch(url);
        if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
        const body = Buffer.from(await response.arrayBuffer());
        return {
          bytes: body.length,
          gzipBytes: gzipSync(body).length,
          imports: isModule ? staticImports(body.toString('utf8'), url) : [],
        };
      })();
      assets.set(url, asset);
    }
    return asset;
  };

  return {
    /** Every script the page loads at start (its names plus their static imports), with sizes. */
    async javaScript(named: string[]) {
      const seen = new Set<string>();
      let queue = named;
      let bytes = 0;
      let gzipBytes = 0;
      while (queue.length > 0) {
        const next: string[] = [];
        for (const url of queue) {
          if (seen.has(url)) continue;
          seen.add(url);
          const asset = await get(url, true);
          bytes += asset.bytes;
          gzipBytes += asset.gzipBytes;
          next.push(...asset.imports);
        }
        queue = next;
      }
      return { files: seen.size, bytes, gzipBytes, beyondNamed: [...seen].filter((u) => !named.includes(u)) };
    },
    async css(named: string[]) {
      const sizes = await Promise.all(named.map((url) => get(url, false)));
      return { files: named.length, gzipBytes: sizes.reduce((sum, a) => sum + a.gzipBytes, 0) };
    },
  };
}
