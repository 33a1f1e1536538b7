// The plan and the consultation report as tagged PDFs (pdfkit): a structure tree with headings,
// paragraphs, lists, tables and figures, Dutch as the document language, an embedded font,
// bookmarks, a table of contents with page numbers, and page numbers as artifacts in the footer.
import PDFDocument from 'pdfkit';
import { pdfFonts } from './fonts.ts';
import { layoutChart, reportCharts, type BarChart } from './charts.ts';
import {
  annexCells,
  annexColumns,
  annexHeading,
  annexIntro,
  formatDate,
  gemeenteColumns,
  participationColumns,
  reportHeadings,
  reportTables,
  sectionsInOrder,
  suppressionNote,
  themeColumns,
  type Block,
  type ConsultationReport,
  type PlanDocument,
} from './document.ts';

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;
type Level = 1 | 2 | 3;

interface TocEntry {
  level: Level;
  text: string;
  dest: string;
  page: number;
}

const MARGIN = 56;
const headingSizes: Record<Level, number> = { 1: 18, 2: 14, 3: 12 };
const BODY_SIZE = 10.5;
const TEXT_COLOR = '#1a1a1a';

/**
 * pdfkit writes a JavaScript string in a dictionary as a PDF name and a String object as a PDF text
 * string; annotation texts must be text strings, which its typings do not know.
 */
function pdfText(text: string): string {
  return new String(text) as unknown as string;
}

interface Meta {
  title: string;
  subject: string;
  author: string;
}

/** Writes one document. `toc` collects its headings and pages; `earlierToc` (from a previous pass) fills the contents. */
class Writer {
  doc: Doc;
  toc: TocEntry[] = [];
  private parent: Struct;
  private outline: PDFKit.PDFOutline[] = [];
  private earlierToc: TocEntry[];

  constructor(meta: Meta, earlierToc: TocEntry[]) {
    this.earlierToc = earlierToc;
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: MARGIN, bottom: MARGIN + 14, left: MARGIN, right: MARGIN },
      pdfVersion: '1.7',
      tagged: true,
      lang: 'nl-NL',
      displayTitle: true,
      bufferPages: true,
      autoFirstPage: false,
      info: { Title: meta.title, Subject: meta.subject, Author: meta.author, Creator: 'Inbreng' },
    });
    // Noto Sans is embedded, as PDF/UA requires; the standard fonts are not.
    const fonts = pdfFonts();
    this.doc.registerFont('regular', fonts.regular);
    this.doc.registerFont('bold', fonts.bold);
    this.doc.font('regular');
    this.doc.addPage();
    this.doc.fillColor(TEXT_COLOR);
    this.parent = this.doc.struct('Document');
    this.doc.addStructure(this.parent);
  }

  private get width(): number {
    return this.doc.page.width - MARGIN * 2;
  }

  private get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  private add(type: string, draw: () => void, options: object = {}): Struct {
    const element = this.doc.struct(type, options, draw);
    this.parent.add(element);
    return element;
  }

  group(type: string, fill: () => void): void {
    const element = this.doc.struct(type);
    this.parent.add(element);
    const outer = this.parent;
    this.parent = element;
    fill();
    this.parent = outer;
    element.end();
  }

  private room(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  titlePage(title: string, lines: string[]): void {
    this.doc.y = 220;
    this.add('H1', () =>
      this.doc.font('bold').fontSize(28).text(title, MARGIN, this.doc.y, { width: this.width }),
    );
    this.doc.moveDown(0.5);
    for (const line of lines) {
      this.add('P', () => this.doc.font('regular').fontSize(14).text(line, { width: this.width }));
    }
    this.doc.addPage();
  }

  heading(level: Level, text: string): void {
    this.room(headingSizes[level] * 4);
    if (this.doc.y > this.doc.page.margins.top + 1) this.doc.moveDown(level === 1 ? 0.8 : 0.5);
    const dest = `kop-${this.toc.length + 1}`;
    const page = this.doc.bufferedPageRange().count;
    this.doc.addNamedDestination(dest, 'XYZ', MARGIN, this.doc.y, null);
    this.toc.push({ level, text, dest, page });
    this.bookmark(level, text);
    this.add(`H${level}`, () =>
      this.doc
        .font('bold')
        .fontSize(headingSizes[level])
        .text(text, MARGIN, this.doc.y, { width: this.width }),
    );
    this.doc.moveDown(0.3);
  }

  private bookmark(level: Level, text: string): void {
    const parent = level === 1 ? this.doc.outline : this.outline[level - 2];
    if (!parent) return;
    this.outline[level - 1] = parent.addItem(text);
    this.outline.length = level;
  }

  paragraph(text: string, links: Block['links'] = []): void {
    this.add('P', () =>
      this.doc.font('regular').fontSize(BODY_SIZE).text(text, MARGIN, this.doc.y, { width: this.width }),
    );
    for (const link of links) {
      // A Link element holds both the text and the link annotation, as PDF/UA asks.
      const p = this.doc.struct('P');
      this.parent.add(p);
      this.doc.font('regular').fontSize(BODY_SIZE).fillColor('#1d5b89');
      p.add(
        this.doc.struct('Link', {}, () =>
          this.doc.text(link.label, MARGIN, this.doc.y, { link: link.href, underline: true }),
        ),
      );
      this.doc.fillColor(TEXT_COLOR);
      p.end();
    }
    this.doc.moveDown(0.4);
  }

  list(items: string[]): void {
    if (items.length === 0) return;
    const list = this.doc.struct('L');
    this.parent.add(list);
    this.doc.font('regular').fontSize(BODY_SIZE);
    this.doc.list(items, MARGIN + 8, this.doc.y, {
      width: this.width - 8,
      structParent: list,
      bulletRadius: 2,
    });
    list.end();
    this.doc.moveDown(0.4);
  }

  /** Contents with page numbers from the earlier pass; each line links to its heading. */
  contents(): void {
    this.add('H1', () => this.doc.font('bold').fontSize(headingSizes[1]).text('Inhoud', MARGIN, this.doc.y));
    this.doc.moveDown(0.5);
    this.group('TOC', () => {
      for (const entry of this.earlierToc) {
        this.room(20);
        const indent = (entry.level - 1) * 14;
        const y = this.doc.y;
        const item = this.doc.struct('TOCI');
        this.parent.add(item);
        const link = this.doc.struct('Link');
        item.add(link);
        link.add(() => {
          const font = entry.level === 1 ? 'bold' : 'regular';
          this.doc.font(font).fontSize(BODY_SIZE);
          this.doc.text(entry.text, MARGIN + indent, y, { width: this.width - indent - 40 });
          const after = this.doc.y;
          this.doc.text(String(entry.page), MARGIN, y, {
            width: this.width,
            align: 'right',
            lineBreak: false,
          });
          this.doc.y = after;
        });
        // The link annotation belongs to the Link element and says where it goes (PDF/UA 7.18.5).
        const annotation: PDFKit.Mixins.AnnotationOption & { structParent: Struct } = {
          structParent: link,
          Contents: pdfText(`${entry.text}, pagina ${entry.page}`),
        };
        this.doc.goTo(MARGIN, y, this.width, this.doc.y - y, entry.dest, annotation);
        link.end();
        item.end();
        this.doc.moveDown(0.15);
      }
    });
    this.doc.addPage();
  }

  /** A table with a marked header row, repeated (as an artifact) when the table runs onto a new page. */
  table(columns: string[], rows: string[][], widths?: number[]): void {
    const pad = 4;
    this.doc.fontSize(9.5);
    const w = this.columnWidths(widths ?? columns.map(() => 1), [columns, ...rows], pad);
    const height = (cells: string[], font: string) =>
      Math.max(...cells.map((c, i) => this.doc.font(font).heightOfString(c, { width: w[i]! - pad * 2 }))) +
      pad * 2;
    const drawRow = (cells: string[], font: string, tag: 'TH' | 'TD' | null) => {
      const h = height(cells, font);
      const y = this.doc.y;
      this.artifact(() => {
        this.doc.rect(MARGIN, y, this.width, h).lineWidth(0.5).strokeColor('#888888').stroke();
        if (font === 'bold') this.doc.rect(MARGIN, y, this.width, h).fillColor('#e8eef3').fill();
      });
      this.doc.fillColor(TEXT_COLOR);
      let x = MARGIN;
      cells.forEach((text, i) => {
        const draw = () =>
          this.doc
            .font(font)
            .fontSize(9.5)
            .text(text, x + pad, y + pad, { width: w[i]! - pad * 2 });
        if (tag) this.add(tag, draw, tag === 'TH' ? { scope: 'Column' } : {});
        else this.artifact(draw);
        x += w[i]!;
      });
      this.doc.x = MARGIN;
      this.doc.y = y + h;
    };
    this.room(height(columns, 'bold') + height(rows[0] ?? columns, 'regular'));
    this.group('Table', () => {
      this.group('THead', () => this.group('TR', () => drawRow(columns, 'bold', 'TH')));
      this.group('TBody', () => {
        for (const row of rows) {
          if (this.doc.y + height(row, 'regular') > this.bottom) {
            this.doc.addPage();
            drawRow(columns, 'bold', null);
          }
          this.group('TR', () => drawRow(row, 'regular', 'TD'));
        }
      });
    });
    this.doc.moveDown(0.8);
  }

  /** Widths by the given fractions, but never so narrow that a word (like "Ketenpartners") breaks. */
  private columnWidths(fractions: number[], rows: string[][], pad: number): number[] {
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const least = fractions.map((_, i) => {
      const words = rows.flatMap((row, r) =>
        (row[i] ?? '')
          .split(/\s+/)
          .map((word) => this.doc.font(r === 0 ? 'bold' : 'regular').widthOfString(word)),
      );
      return Math.max(...words) + pad * 2 + 1;
    });
    const wanted = fractions.map((f, i) => Math.max(least[i]!, (f / sum(fractions)) * this.width));
    const excess = sum(wanted) - this.width;
    if (excess <= 0) return wanted;
    const slack = wanted.map((x, i) => x - least[i]!);
    return wanted.map((x, i) => x - (excess * slack[i]!) / sum(slack));
  }

  private artifact(draw: () => void): void {
    this.doc.markContent('Artifact', { type: 'Layout' });
    draw();
    this.doc.endMarkedContent();
  }

  /** The chart from the same layout as the SVG, scaled to the page, as a Figure with alternate text. */
  chart(chart: BarChart): void {
    const layout = layoutChart(chart);
    const scale = this.width / layout.width;
    this.room(layout.height * scale + 30);
    this.add('P', () => this.doc.font('bold').fontSize(BODY_SIZE).text(chart.title, MARGIN, this.doc.y));
    const top = this.doc.y + 4;
    const bbox = [MARGIN, top, MARGIN + this.width, top + layout.height * scale];
    this.add(
      'Figure',
      () => {
        const d = this.doc;
        d.save().translate(MARGIN, top).scale(scale);
        d.moveTo(layout.axisX, 4)
          .lineTo(layout.axisX, layout.height - 4)
          .lineWidth(1)
          .strokeColor(TEXT_COLOR)
          .stroke();
        d.font('regular').fontSize(layout.fontSize).fillColor(TEXT_COLOR);
        for (const bar of layout.bars) {
          const textTop = bar.textY - layout.fontSize * 0.85;
          const labelWidth = d.widthOfString(bar.label);
          d.fillColor(TEXT_COLOR).text(bar.label, bar.labelX - labelWidth, textTop, { lineBreak: false });
          if (bar.barWidth > 0)
            d.rect(bar.barX, bar.y, bar.barWidth, bar.barHeight).fillColor(layout.barColor).fill();
          d.fillColor(TEXT_COLOR).text(bar.display, bar.valueX, textTop, { lineBreak: false });
        }
        d.restore();
      },
      { alt: `${chart.title}. ${chart.description}`, bbox, placement: 'Block' },
    );
    this.doc.x = MARGIN;
    this.doc.y = top + layout.height * scale + 12;
  }

  private footers(): void {
    const { start, count } = this.doc.bufferedPageRange();
    for (let i = start + 1; i < start + count; i++) {
      this.doc.switchToPage(i);
      const bottom = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      this.doc.markContent('Artifact', { type: 'Pagination' });
      this.doc
        .font('regular')
        .fontSize(9)
        .fillColor(TEXT_COLOR)
        .text(`Pagina ${i + 1} van ${count}`, MARGIN, this.doc.page.height - MARGIN + 8, {
          width: this.width,
          align: 'center',
          lineBreak: false,
        });
      this.doc.endMarkedContent();
      this.doc.page.margins.bottom = bottom;
    }
  }

  finish(): Promise<Buffer> {
    const chunks: Buffer[] = [];
    const done = new Promise<Buffer>((resolve, reject) => {
      this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
    });
    this.parent.end();
    this.footers();
    this.doc.end();
    return done;
  }
}

/**
 * The contents page needs the pages of headings that come after it. The first pass finds the
 * headings, the second lays them out in the contents (same length, so the same pages follow), the
 * third writes the real page numbers.
 */
async function render(meta: Meta, body: (w: Writer) => void): Promise<Buffer> {
  let toc: TocEntry[] = [];
  let buffer: Buffer | undefined;
  for (let pass = 0; pass < 3; pass++) {
    const writer = new Writer(meta, toc);
    body(writer);
    buffer = await writer.finish();
    toc = writer.toc;
  }
  return buffer!;
}

function blocks(w: Writer, list: Block[]): void {
  let items: string[] = [];
  const flush = () => {
    w.list(items);
    items = [];
  };
  for (const b of list) {
    if (b.kind === 'listItem') {
      items.push(b.text + (b.links?.length ? ` (${b.links.map((l) => l.label).join(', ')})` : ''));
      continue;
    }
    flush();
    if (b.kind === 'heading') w.heading(3, b.text);
    else w.paragraph(b.text, b.links);
  }
  flush();
}

export function planToPdf(plan: PlanDocument): Promise<Buffer> {
  const meta = {
    title: `${plan.title} — ${plan.subtitle}`,
    subject: plan.subtitle,
    author: plan.organisation,
  };
  return render(meta, (w) => {
    w.titlePage(plan.title, [plan.subtitle, plan.organisation, plan.versionLabel, formatDate(plan.date)]);
    w.contents();
    plan.goals.forEach((goal, i) => {
      w.group('Sect', () => {
        w.heading(1, `Doel ${i + 1}: ${goal.title}`);
        w.paragraph(goal.description);
        for (const section of sectionsInOrder(goal)) {
          w.group('Sect', () => {
            w.heading(2, section.title === section.part ? section.part : `${section.part}: ${section.title}`);
            w.paragraph(`Stand: ${section.state}`);
            blocks(w, section.blocks);
          });
        }
      });
      w.doc.addPage();
    });
    w.group('Sect', () => {
      w.heading(1, annexHeading);
      w.paragraph(annexIntro);
      w.table(annexColumns, plan.annex.map(annexCells), [3, 3, 1.3, 1.3, 1.3, 1.3]);
    });
  });
}

export function reportToPdf(report: ConsultationReport): Promise<Buffer> {
  const period = `${formatDate(report.period.from)} tot en met ${formatDate(report.period.to)}`;
  const meta = { title: report.title, subject: `Consultatieverslag, ${period}`, author: report.organisation };
  const tables = reportTables(report);
  const charts = reportCharts(report);
  return render(meta, (w) => {
    w.titlePage(report.title, [report.organisation, `Periode: ${period}`, formatDate(report.date)]);
    w.contents();
    w.heading(1, reportHeadings.participation);
    w.paragraph(suppressionNote);
    w.table(participationColumns, tables.participation);
    w.heading(1, reportHeadings.themes);
    w.chart(charts.byTheme);
    w.chart(charts.byGroup);
    w.table(themeColumns, tables.themes, [3, 1, 1, 1, 1]);
    w.heading(1, reportHeadings.gemeenten);
    w.table(gemeenteColumns, tables.gemeenten, [3, 2, 2]);
    w.heading(1, reportHeadings.comments);
    w.table(['Afhandeling', 'Aantal'], tables.comments, [3, 1]);
    w.heading(1, reportHeadings.advice);
    for (const advice of report.advice) {
      w.heading(2, advice.council);
      w.paragraph(`Advies ontvangen op ${formatDate(advice.submittedOn)}.`);
      w.paragraph(advice.summary);
      w.table(
        ['U adviseerde', 'Wij hebben', 'Daarom'],
        advice.points.map((p) => [p.advised, p.done, p.because]),
      );
    }
  });
}
