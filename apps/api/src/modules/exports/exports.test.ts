import { inflateRawSync } from 'node:zlib';
import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { chartToSvg, reportCharts } from './charts.ts';
import { annexHeading, formatGroupCount, outlineParts, protectedTotal, reportHeadings } from './document.ts';
import { planToDocx, reportToDocx } from './docx.ts';
import { dutchSample, plan, report } from './exports.fixture.ts';
import { woffToSfnt } from './fonts.ts';
import { planToPdf, reportToPdf } from './pdf.ts';

/** One file from a ZIP (a DOCX), read through the central directory. */
function unzip(zip: Buffer, name: string): string {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    if (zip.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const local = zip.readUInt32LE(at + 42);
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    at += 46 + skip;
  }
  throw new Error(`${name} ontbreekt`);
}

const unescape = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

/** Every table row of the DOCX as its cells' text, as a DOCX reader (mammoth) sees it. */
function rows(html: string): string[][] {
  return [...html.matchAll(/<tr>(.*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/g)].map((cell) => unescape(cell[1]!)),
  );
}

async function pdfPages(buffer: Buffer) {
  const pdf = await getDocumentProxy(new Uint8Array(buffer));
  const { text } = await extractText(pdf, { mergePages: false });
  // Table cells wrap over lines; compare with single spaces.
  return { pdf, pages: text.map((page) => page.replace(/\s+/g, ' ')) };
}

const sectionHeadings = outlineParts;
const goalHeadings = plan.goals.map((g, i) => `Doel ${i + 1}: ${g.title}`);
const files: Record<'planDocx' | 'planPdf' | 'reportDocx' | 'reportPdf', Buffer> = {} as never;

beforeAll(async () => {
  [files.planDocx, files.planPdf, files.reportDocx, files.reportPdf] = await Promise.all([
    planToDocx(plan),
    planToPdf(plan),
    reportToDocx(report),
    reportToPdf(report),
  ]);
});

describe('small groups (AVG)', () => {
  it('shows a count of fewer than five people as "< 5", and zero and larger groups as they are', () => {
    expect(formatGroupCount({ count: 3, people: 3 })).toBe('< 5');
    expect(formatGroupCount({ count: 9, people: 4 })).toBe('< 5');
    expect(formatGroupCount({ count: 12, people: 5 })).toBe('12');
    expect(formatGroupCount({ count: 0, people: 0 })).toBe('0');
  });
});

describe('the draft plan as DOCX', () => {
  it('has every goal and every outline part as a real heading, in outline order', async () => {
    const html = (await mammoth.convertToHtml({ buffer: files.planDocx })).value;
    const h1 = [...html.matchAll(/<h1>(.*?)<\/h1>/g)].map((m) => unescape(m[1]!));
    const h2 = [...html.matchAll(/<h2>(.*?)<\/h2>/g)].map((m) => unescape(m[1]!));
    expect(h1).toEqual([...goalHeadings, annexHeading]);
    expect(h2).toEqual(plan.goals.flatMap(() => sectionHeadings));
  });

  it('has a table of contents field that already lists the headings with their pages', () => {
    const xml = unzip(files.planDocx, 'word/document.xml');
    const start = xml.indexOf('TOC \\h \\o &quot;1-3&quot;');
    expect(start).toBeGreaterThan(0);
    const toc = unescape(xml.slice(start, xml.indexOf('</w:sdtContent>', start)).replace(/<[^>]+>/g, ' '));
    for (const heading of [...goalHeadings, annexHeading]) {
      expect(toc).toMatch(new RegExp(`${heading}\\s+PAGEREF _Toc\\d+ \\\\h\\s+\\d+`));
    }
  });

  it('has the annex as a table with a repeating header row and a row per cluster', async () => {
    const xml = unzip(files.planDocx, 'word/document.xml');
    expect(xml).toContain('<w:tblHeader/>');
    const table = rows((await mammoth.convertToHtml({ buffer: files.planDocx })).value);
    expect(table).toContainEqual([
      'Normtijd ambulance op het platteland',
      'Doel 2 — Stip op de horizon',
      '11',
      '0',
      '12',
      '< 5',
    ]);
  });

  it('has real lists, Dutch as its language, a title and creator, and numbered pages', async () => {
    const html = (await mammoth.convertToHtml({ buffer: files.planDocx })).value;
    expect(html).toContain('<ul><li>Transmurale netwerken</li>');
    expect(unzip(files.planDocx, 'word/styles.xml')).toContain('w:lang w:val="nl-NL"');
    const core = unzip(files.planDocx, 'docProps/core.xml');
    expect(core).toContain('<dc:title>Gezond Vooruit!</dc:title>');
    expect(core).toContain('<dc:creator>Hecht</dc:creator>');
    const footer = unescape(unzip(files.planDocx, 'word/footer1.xml').replace(/<[^>]+>/g, ' '));
    expect(footer).toMatch(/Pagina\s+PAGE\s+\d*\s*van\s+NUMPAGES\s+\d+/);
  });

  it('keeps ë, é, ï, € and curly quotes', async () => {
    const { value } = await mammoth.extractRawText({ buffer: files.planDocx });
    expect(value).toContain(dutchSample);
  });
});

describe('the draft plan as PDF', () => {
  it('contains every goal, every outline part and the annex with its rows', async () => {
    const { pages } = await pdfPages(files.planPdf);
    const body = pages.slice(2).join(' ');
    for (const heading of [...goalHeadings, ...sectionHeadings, annexHeading])
      expect(body).toContain(heading);
    expect(body).toContain('Normtijd ambulance op het platteland Doel 2 — Stip op de horizon 11 0 12 < 5');
    expect(body).toContain(dutchSample);
  });

  it('is tagged, in Dutch, with headings in its structure tree', async () => {
    const raw = files.planPdf.toString('latin1');
    expect(raw).toMatch(/\/Lang \(nl-NL\)/);
    expect(raw).toMatch(/\/StructTreeRoot \d+ 0 R/);
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    // Contents links are tagged and say where they go, as text (not as a broken PDF name).
    expect(raw).toContain('/Contents (Doel 1: Bewegen van zorg naar gezondheid, pagina 3)');
    expect(raw).toMatch(/\/StructParent \d+/);
    const { pdf } = await pdfPages(files.planPdf);
    expect(await pdf.getMarkInfo()).toMatchObject({ Marked: true });
    const tree = JSON.stringify(await (await pdf.getPage(3)).getStructTree());
    for (const role of ['"H1"', '"H2"', '"H3"', '"L"', '"LI"', '"LBody"']) expect(tree).toContain(role);
  });

  it('lists the headings with their page numbers and numbers every page', async () => {
    const { pdf, pages } = await pdfPages(files.planPdf);
    const annexPage = pages.findIndex((text, i) => i > 1 && text.includes(annexHeading)) + 1;
    expect(pages[1]).toContain(`${annexHeading} ${annexPage}`);
    expect(pages[2]).toContain(`Pagina 3 van ${pages.length}`);
    const outline = await pdf.getOutline();
    expect(outline.map((o) => o.title)).toEqual([...goalHeadings, annexHeading]);
    expect(outline[0]!.items.map((o) => o.title)).toEqual([...sectionHeadings]);
  });
});

describe('the consultation report', () => {
  it('has the 18 gemeenten with their state, in DOCX and PDF', async () => {
    const table = rows((await mammoth.convertToHtml({ buffer: files.reportDocx })).value);
    expect(table.filter((r) => r[0]?.startsWith('Gemeente '))).toHaveLength(18);
    expect(table).toContainEqual(['Gemeente Gouda', 'ingediend', '12 oktober 2026']);
    const text = (await pdfPages(files.reportPdf)).pages.join(' ');
    expect(text).toContain('Gemeente Gouda ingediend 12 oktober 2026');
    for (const g of report.gemeenten) expect(text).toContain(`${g.name} ${g.state}`);
  });

  it('never shows the 3 ketenpartners as 3, in DOCX and PDF', async () => {
    const table = rows((await mammoth.convertToHtml({ buffer: files.reportDocx })).value);
    expect(table).toContainEqual(['Ketenpartners', '9', '< 5']);
    expect(table).toContainEqual(['Samenwerking met de Veiligheidsregio', '9', '0', '< 5', '< 5']);
    expect(table.filter((r) => r[0] === 'Ketenpartners').every((r) => !r.includes('3'))).toBe(true);
    const text = (await pdfPages(files.reportPdf)).pages.join(' ');
    expect(text).toContain('Ketenpartners 9 < 5');
    expect(text).toContain('Samenwerking met de Veiligheidsregio 9 0 < 5 < 5');
    expect(text).not.toMatch(/Ketenpartners 9 3|Veiligheidsregio 9 0 \S+ 3/);
  });

  it('has every part, the comment counts and the councils’ advice with the responses', async () => {
    const docx = (await mammoth.extractRawText({ buffer: files.reportDocx })).value;
    const pdf = (await pdfPages(files.reportPdf)).pages.join(' ');
    for (const text of [docx, pdf]) {
      for (const heading of Object.values(reportHeadings)) expect(text).toContain(heading);
      expect(text).toContain('Ondernemingsraad');
      expect(text).toMatch(/U adviseerde\s+Wij hebben\s+Daarom/);
      expect(text).toMatch(/Niet overgenomen\s+7/);
    }
  });

  it('draws the charts in the PDF as a figure with alternate text', async () => {
    const { pdf, pages } = await pdfPages(files.reportPdf);
    expect(pages[2]).toContain('Ketenpartners < 5');
    const tree = JSON.stringify(await (await pdf.getPage(3)).getStructTree());
    expect(tree).toContain('"Figure"');
    expect(tree).toContain('Inbreng per groep. Liggend staafdiagram');
  });
});

describe('charts', () => {
  const { byTheme, byGroup } = reportCharts(report);

  it('are SVG with a title, a description and a text label and value per bar', () => {
    const svg = chartToSvg(byTheme);
    expect(svg).toMatch(
      /^<svg [^>]*role="img" aria-labelledby="inbreng-per-thema-title inbreng-per-thema-desc"/,
    );
    expect(svg).toContain('<title id="inbreng-per-thema-title">Inbreng per thema</title>');
    expect(svg).toMatch(/<desc id="inbreng-per-thema-desc">Liggend staafdiagram/);
    for (const row of report.inputByTheme) expect(svg).toContain(`>${row.theme.replace('?', '?')}</text>`);
    expect(svg.match(/<rect /g)).toHaveLength(report.inputByTheme.length);
  });

  it('never let a small group be worked out by subtracting from a total', () => {
    // Bedrijfscontinuïteit: 25 from medewerkers, 4 from 2 people of the adviesraden; 29 would give them away.
    const bar = byTheme.bars.find((b) => b.label === 'Bedrijfscontinuïteit van Hecht');
    expect(bar).toMatchObject({ value: 25, display: '> 25' });
    expect(byTheme.bars.find((b) => b.label === 'Transmurale netwerken')?.display).toBe('60');
    expect(
      protectedTotal([
        { count: 3, people: 3 },
        { count: 2, people: 2 },
        { count: 7, people: 6 },
      ]),
    ).toEqual({
      value: 12,
      display: '12',
    });
  });

  it('draw no bar for a small group and say "< 5" instead', () => {
    const svg = chartToSvg(byGroup);
    expect(svg).toContain('>Ketenpartners</text>');
    expect(svg).toContain('>&#60; 5</text>');
    expect(svg.match(/<rect /g)).toHaveLength(3);
    expect(byGroup.bars.find((b) => b.label === 'Ketenpartners')).toMatchObject({
      value: null,
      display: '< 5',
    });
  });
});

describe('the embedded font', () => {
  it('rejects a file that is not WOFF', () => {
    expect(() => woffToSfnt(Buffer.from('not a font at all, clearly', 'latin1'))).toThrow(
      'Geen WOFF-bestand',
    );
  });
});
