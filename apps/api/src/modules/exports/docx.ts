// The plan and the consultation report as Word documents, with real heading styles, a real table of
// contents (pre-filled, so it reads before anyone updates fields), real lists and header rows.
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  LevelFormat,
  PageBreak,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { estimatePageNumbers } from 'docx/layout';
import { reportCharts, type BarChart } from './charts.ts';
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
  type PlanSection,
} from './document.ts';

type Child = Paragraph | Table | TableOfContents;

const LANGUAGE = 'nl-NL';
const FONT = 'Arial';
const BULLETS = 'opsomming';
const CONTENT_WIDTH = 9638; // A4 minus 2 cm margins, in twips
const headingLevels = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 };

function heading(level: 1 | 2 | 3, text: string, newPage = false): Paragraph {
  return new Paragraph({ heading: headingLevels[level], text, pageBreakBefore: newPage });
}

function paragraph(text: string, extra: ParagraphChild[] = []): Paragraph {
  return new Paragraph({ children: [new TextRun(text), ...extra] });
}

function links(block: Block): ParagraphChild[] {
  return (block.links ?? []).flatMap((link) => [
    new TextRun(' ('),
    new ExternalHyperlink({
      link: link.href,
      children: [new TextRun({ text: link.label, style: 'Hyperlink' })],
    }),
    new TextRun(')'),
  ]);
}

function block(b: Block): Paragraph {
  if (b.kind === 'heading') return heading(3, b.text);
  if (b.kind === 'listItem') {
    return new Paragraph({
      children: [new TextRun(b.text), ...links(b)],
      numbering: { reference: BULLETS, level: 0 },
    });
  }
  return paragraph(b.text, links(b));
}

function cell(text: string, header: boolean, width: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    children: [new Paragraph({ children: [new TextRun({ text, bold: header })] })],
  });
}

/** A table whose first row is marked as header, so Word repeats it on every page and readers announce it. */
function table(columns: string[], rows: string[][], widths?: number[]): Table {
  const w = widths ?? columns.map(() => Math.floor(CONTENT_WIDTH / columns.length));
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: w,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: columns.map((c, i) => cell(c, true, w[i]!)),
      }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, false, w[i]!)) })),
    ],
  });
}

const noBorders = {
  top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
};
const BAR_STEPS = 20;
const BAR_STEP = 250;

/**
 * The chart drawn as a table: label, a bar made of shaded cells, value. Word has no reliable SVG
 * without a PNG fallback, and a table keeps the numbers readable to a screen reader.
 */
function chartTable(chart: BarChart): Child[] {
  const max = Math.max(1, ...chart.bars.map((b) => b.value ?? 0));
  const labelWidth = CONTENT_WIDTH - BAR_STEPS * BAR_STEP - 900;
  const rows = chart.bars.map((b) => {
    const filled =
      b.value === null ? 0 : Math.max(b.value > 0 ? 1 : 0, Math.round((b.value / max) * BAR_STEPS));
    const cells = [
      new TableCell({
        borders: noBorders,
        children: [new Paragraph({ text: b.label, alignment: AlignmentType.RIGHT })],
      }),
    ];
    if (filled > 0) {
      cells.push(
        new TableCell({
          borders: noBorders,
          columnSpan: filled,
          shading: { type: ShadingType.SOLID, color: '1D5B89', fill: '1D5B89' },
          children: [new Paragraph('')],
        }),
      );
    }
    if (filled < BAR_STEPS) {
      cells.push(
        new TableCell({ borders: noBorders, columnSpan: BAR_STEPS - filled, children: [new Paragraph('')] }),
      );
    }
    cells.push(new TableCell({ borders: noBorders, children: [new Paragraph(b.display)] }));
    return new TableRow({ cantSplit: true, children: cells });
  });
  return [
    new Paragraph({ children: [new TextRun({ text: chart.title, bold: true })] }),
    new Paragraph({ children: [new TextRun({ text: chart.description, italics: true })] }),
    new Table({
      width: { size: CONTENT_WIDTH, type: WidthType.DXA },
      columnWidths: [labelWidth, ...Array<number>(BAR_STEPS).fill(BAR_STEP), 900],
      layout: TableLayoutType.FIXED,
      rows,
    }),
  ];
}

function titlePage(title: string, lines: string[]): Paragraph[] {
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, text: title }),
    ...lines.map((l) => new Paragraph({ children: [new TextRun({ text: l, size: 28 })] })),
    new Paragraph({ children: [new PageBreak()] }),
  ];
}

/** A real TOC field; its entries and page numbers are written with it (see `pageNumbers`). */
function contents(): Child[] {
  return [
    new Paragraph({ children: [new TextRun({ text: 'Inhoud', bold: true, size: 32 })] }),
    new TableOfContents('Inhoud', {
      hyperlink: true,
      headingStyleRange: '1-3',
    }),
    new Paragraph({ children: [new PageBreak()] }),
  ];
}

function pack(title: string, creator: string, description: string, body: Child[]): Promise<Buffer> {
  const document = new Document({
    title,
    creator,
    description,
    lastModifiedBy: creator,
    // Lays the pages out as Word does, so the contents and "Pagina N van M" carry numbers before
    // anyone updates fields.
    pageNumbers: estimatePageNumbers,
    styles: { default: { document: { run: { font: FONT, size: 22, language: { value: LANGUAGE } } } } },
    numbering: {
      config: [
        {
          reference: BULLETS,
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: '•',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 720, hanging: 360 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { left: 1134, right: 1134 } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: ['Pagina ', PageNumber.CURRENT, ' van ', PageNumber.TOTAL_PAGES] }),
                ],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(document);
}

function sectionHeading(section: PlanSection): string {
  return section.title === section.part ? section.part : `${section.part}: ${section.title}`;
}

export function planToDocx(doc: PlanDocument): Promise<Buffer> {
  const body: Child[] = [];
  doc.goals.forEach((goal, i) => {
    // Each goal and the annex start on a page of their own, as in the PDF.
    body.push(heading(1, `Doel ${i + 1}: ${goal.title}`, i > 0), paragraph(goal.description));
    for (const section of sectionsInOrder(goal)) {
      body.push(heading(2, sectionHeading(section)), paragraph(`Stand: ${section.state}`));
      body.push(...section.blocks.map(block));
    }
  });
  body.push(
    heading(1, annexHeading, true),
    paragraph(annexIntro),
    table(
      annexColumns,
      doc.annex.map(annexCells),
      [2600, 2638, 1100, 1100, 1100, 1100].map((w) => Math.round((w * CONTENT_WIDTH) / 9638)),
    ),
  );
  const front = titlePage(doc.title, [
    doc.subtitle,
    doc.organisation,
    doc.versionLabel,
    formatDate(doc.date),
  ]);
  return pack(doc.title, doc.organisation, doc.subtitle, [...front, ...contents(), ...body]);
}

export function reportToDocx(report: ConsultationReport): Promise<Buffer> {
  const tables = reportTables(report);
  const charts = reportCharts(report);
  const period = `${formatDate(report.period.from)} tot en met ${formatDate(report.period.to)}`;
  const body: Child[] = [
    heading(1, reportHeadings.participation),
    paragraph(suppressionNote),
    table(participationColumns, tables.participation),
    heading(1, reportHeadings.themes),
    ...chartTable(charts.byTheme),
    ...chartTable(charts.byGroup),
    table(themeColumns, tables.themes),
    heading(1, reportHeadings.gemeenten),
    table(gemeenteColumns, tables.gemeenten),
    heading(1, reportHeadings.comments),
    table(['Afhandeling', 'Aantal'], tables.comments),
    heading(1, reportHeadings.advice),
  ];
  for (const advice of report.advice) {
    body.push(
      heading(2, advice.council),
      paragraph(`Advies ontvangen op ${formatDate(advice.submittedOn)}.`),
    );
    body.push(paragraph(advice.summary));
    body.push(
      table(
        ['U adviseerde', 'Wij hebben', 'Daarom'],
        advice.points.map((p) => [p.advised, p.done, p.because]),
      ),
    );
  }
  const front = titlePage(report.title, [report.organisation, `Periode: ${period}`, formatDate(report.date)]);
  return pack(report.title, report.organisation, `Consultatieverslag, ${period}`, [
    ...front,
    ...contents(),
    ...body,
  ]);
}
