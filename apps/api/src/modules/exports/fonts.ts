// The embedded PDF font. The font package ships WOFF; fontkit inflates a WOFF table again on every
// read (in JavaScript), which made one PDF take seconds. Unpacking it once to a plain TrueType file
// with Node's zlib makes it fast.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';

const require = createRequire(import.meta.url);

/** Converts a WOFF 1.0 file to the SFNT (TrueType/OpenType) file it wraps. */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('Geen WOFF-bestand');
  const numTables = woff.readUInt16BE(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const at = 44 + i * 20;
    const offset = woff.readUInt32BE(at + 4);
    const compLength = woff.readUInt32BE(at + 8);
    const origLength = woff.readUInt32BE(at + 12);
    const raw = woff.subarray(offset, offset + compLength);
    return {
      tag: woff.subarray(at, at + 4),
      checksum: woff.readUInt32BE(at + 16),
      data: compLength < origLength ? inflateSync(raw) : raw,
    };
  });
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * 16;
  const header = Buffer.alloc(12 + numTables * 16);
  woff.copy(header, 0, 4, 8); // flavor: the SFNT version
  header.writeUInt16BE(numTables, 4);
  header.writeUInt16BE(searchRange, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(numTables * 16 - searchRange, 10);
  const parts: Buffer[] = [header];
  let offset = header.length;
  tables.forEach((table, i) => {
    const at = 12 + i * 16;
    table.tag.copy(header, at);
    header.writeUInt32BE(table.checksum, at + 4);
    header.writeUInt32BE(offset, at + 8);
    header.writeUInt32BE(table.data.length, at + 12);
    const padded = Buffer.alloc(Math.ceil(table.data.length / 4) * 4);
    table.data.copy(padded);
    parts.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(parts);
}

function load(file: string): Buffer {
  return woffToSfnt(readFileSync(require.resolve(`@fontsource/noto-sans/files/${file}`)));
}

let cache: { regular: Buffer; bold: Buffer } | undefined;

/** Noto Sans, latin subset: covers Dutch (ë, ï, é, ĳ as i+j), €, dashes and curly quotes. */
export function pdfFonts(): { regular: Buffer; bold: Buffer } {
  cache ??= {
    regular: load('noto-sans-latin-400-normal.woff'),
    bold: load('noto-sans-latin-700-normal.woff'),
  };
  return cache;
}
