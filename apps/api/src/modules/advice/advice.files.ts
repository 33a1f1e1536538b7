// The attachment of an advice: its type is read from its bytes (never from its name or the browser's
// word for it), its name is cleaned before it is stored, and it is served so no browser runs it.
import { adviceAttachmentContentTypes, type AdviceAttachmentKind } from '@inbreng/shared';
import { AppError } from '../../errors.ts';

const UNSUPPORTED = 'Voeg een PDF- of Word-bestand (.docx) toe. Dit bestand is geen van beide.';
const EXECUTABLE =
  'Dit bestand is een programma of script, geen PDF- of Word-document. Zo’n bestand neemt Inbreng niet aan.';
const BROKEN_DOCX =
  'Dit Word-bestand is beschadigd of geen echt .docx-bestand. Sla het opnieuw op en probeer het nog eens.';

const startsWith = (bytes: Uint8Array, magic: number[]) =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** Programs and scripts, whatever they are called: Windows (MZ), Linux (ELF), macOS (Mach-O), scripts (#!). */
const executables: number[][] = [
  ascii('MZ'),
  [0x7f, 0x45, 0x4c, 0x46],
  [0xfe, 0xed, 0xfa, 0xce],
  [0xfe, 0xed, 0xfa, 0xcf],
  [0xce, 0xfa, 0xed, 0xfe],
  [0xcf, 0xfa, 0xed, 0xfe],
  [0xca, 0xfe, 0xba, 0xbe],
  ascii('#!'),
];

const unsupported = (message: string) =>
  new AppError('UNSUPPORTED_MEDIA_TYPE', message, { attachment: message });

/**
 * The names in a ZIP's central directory (the authoritative list; local headers can lie), or
 * undefined when the archive is not well formed.
 */
export function zipEntryNames(bytes: Uint8Array): string[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record sits in the last 22 bytes plus at most a 64 kB comment.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const entries = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  if (offset + size > eocd) return undefined;
  const names: string[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let at = offset;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > offset + size || view.getUint32(at, true) !== 0x02014b50) return undefined;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const end = at + 46 + nameLength;
    if (end > offset + size) return undefined;
    names.push(decoder.decode(bytes.subarray(at + 46, end)));
    at = end + extraLength + commentLength;
  }
  return names;
}

/** PDF or DOCX from the first bytes and, for a ZIP, its table of contents; anything else is refused. */
export function sniffAttachment(bytes: Uint8Array): AdviceAttachmentKind {
  if (startsWith(bytes, ascii('%PDF-'))) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const names = zipEntryNames(bytes);
    if (!names) throw unsupported(BROKEN_DOCX);
    if (names.includes('word/document.xml') && names.includes('[Content_Types].xml')) return 'docx';
    throw unsupported(UNSUPPORTED);
  }
  if (executables.some((magic) => startsWith(bytes, magic))) throw unsupported(EXECUTABLE);
  throw unsupported(UNSUPPORTED);
}

const MAX_NAME = 120;

/**
 * A name safe to store and to offer for download: only the last part of a path, without control or
 * direction-changing characters and characters Windows forbids, and with the extension of what the
 * file really is.
 */
export function cleanFileName(given: string, kind: AdviceAttachmentKind): string {
  const last = given.normalize('NFC').split(/[/\\]/).pop() ?? '';
  const cleaned = last
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/[<>:"|?*]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  const base = cleaned.replace(/\.(pdf|docx?|[a-z0-9]{1,5})$/i, '').replace(/[.\s]+$/, '');
  const short = [...base].slice(0, MAX_NAME).join('').trim();
  return `${short || 'advies'}.${kind}`;
}

/** RFC 6266/8187: an ASCII fallback and the exact name in UTF-8. */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*!]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

export const contentTypeOf = (kind: AdviceAttachmentKind) => adviceAttachmentContentTypes[kind];

export const tooLarge = (maxBytes: number) => {
  const message = `Het bestand is te groot. Voeg een bestand toe van hoogstens ${(maxBytes / (1024 * 1024)).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} MB.`;
  return new AppError('PAYLOAD_TOO_LARGE', message, { attachment: message });
};
