// The board papers over HTTP on the demo data: every format answers with its type and parses back,
// the CSV neutralises formulas, the report JSON hides small groups, only the team may export, and
// every export is in the audit log. Then the export CLI on an embedded database of its own.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ConsultationReportView, ErrorBody, PlanDetail, SectionDetail } from '@inbreng/shared';
import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../config.ts';
import { createTestApp } from '../../test/app.ts';
import { annexHeading, outlineParts } from './document.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let plan: PlanDetail;
const cookies: Record<string, string> = {};
const SLUG = 'strategisch-werkplan-2027-2030';

async function as(account: string) {
  if (!cookies[account]) {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/demo', payload: { account } });
    cookies[account] = `inbreng_session=${response.cookies.find((c) => c.name === 'inbreng_session')!.value}`;
  }
  return { cookie: cookies[account]! };
}

async function get(account: string, url: string) {
  return t.app.inject({ method: 'GET', url: `/api${url}`, headers: await as(account) });
}

async function pdfText(body: Buffer): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(body));
  const { text } = await extractText(pdf, { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

beforeAll(async () => {
  t = await createTestApp({ demoRounds: true });
  plan = PlanDetail.parse((await get('programmateam', `/plans/${SLUG}`)).json());
  const db = t.database.db;
  // One written section of goal 1, fed by two of the demo wall's clusters; one cluster's name starts
  // like a spreadsheet formula, as a careless or hostile name could.
  const created = await t.app.inject({
    method: 'POST',
    url: `/api/plans/${SLUG}/sections`,
    headers: await as('programmateam'),
    payload: {
      goalId: plan.goals[0]!.id,
      slot: 'roles',
      blocks: [
        { kind: 'heading', text: 'Gezond in 2030' },
        { kind: 'paragraph', text: 'Inwoners merken dat Hecht samen met gemeenten werkt aan gezondheid.' },
      ],
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  const section = SectionDetail.parse(created.json());
  const clusters = await db
    .selectFrom('wall_cluster as wc')
    .innerJoin('wall_card as card', 'card.cluster_id', 'wc.id')
    .select(['wc.id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('wc.dissolved_at', 'is', null)
    .where('card.removed_at', 'is', null)
    .groupBy('wc.id')
    .orderBy('n', 'desc')
    .limit(2)
    .execute();
  expect(clusters).toHaveLength(2);
  await db
    .updateTable('wall_cluster')
    .set({ name: '=cmd|/c calc' })
    .where('id', '=', clusters[1]!.id)
    .execute();
  const linked = await t.app.inject({
    method: 'PUT',
    url: `/api/sections/${section.id}/clusters`,
    headers: await as('programmateam'),
    payload: { clusterIds: clusters.map((c) => c.id) },
  });
  expect(linked.statusCode, linked.body).toBeLessThan(300);

  // A council's formal advice with one answered and one open point.
  const council = await db
    .selectFrom('organisation')
    .select('id')
    .where('type', '=', 'adviesraad')
    .orderBy('name')
    .executeTakeFirstOrThrow();
  const advice = await db
    .insertInto('advice')
    .values({
      plan_id: plan.id,
      organisation_id: council.id,
      milestone_id: plan.milestones[0]!.id,
      summary: 'Positief advies met één kanttekening.',
      submitted_at: '2026-11-20T10:00:00Z',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('advice_point')
    .values([
      {
        advice_id: advice.id,
        number: 1,
        text: 'Maak de werkdruk meetbaar.',
        taken: 'overgenomen',
        what: 'een werkdrukmeting opgenomen',
        why: 'zonder meting geen bijsturing',
        responded_at: '2026-11-21T10:00:00Z',
      },
      { advice_id: advice.id, number: 2, text: 'Scholing voor iedereen.' },
    ])
    .execute();
}, 120_000);

afterAll(() => t?.close());

describe('exports over HTTP', () => {
  it('writes the draft plan as DOCX with every goal and the annex', async () => {
    const response = await get('programmateam', `/plans/${SLUG}/export?format=docx`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('wordprocessingml.document');
    expect(response.headers['content-disposition']).toContain(`filename="${SLUG}-concept.docx"`);
    const { value } = await mammoth.extractRawText({ buffer: response.rawPayload });
    for (const goal of plan.goals) expect(value).toContain(goal.title);
    for (const part of outlineParts) expect(value).toContain(part);
    expect(value).toContain(annexHeading);
    expect(value).toContain('Gezond in 2030');
    expect(value).toContain('Dit onderdeel is nog niet geschreven.');
  });

  it('writes the draft plan as PDF with the section headings', async () => {
    const response = await get('programmateam', `/plans/${plan.id}/export?format=pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toContain(`${SLUG}-concept.pdf`);
    const text = await pdfText(response.rawPayload);
    for (const part of outlineParts) expect(text).toContain(part);
    expect(text).toContain('Bijlage');
  });

  it('writes the annex as CSV with formulas neutralised', async () => {
    const response = await get('programmateam', `/plans/${SLUG}/export?format=csv`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toContain('.csv');
    const lines = response.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Cluster;Secties;Medewerkers;Adviesraden;Gemeenten;Ketenpartners');
    expect(lines.some((l) => l.startsWith("'=cmd|/c calc;"))).toBe(true);
    expect(lines.some((l) => l.startsWith('=cmd'))).toBe(false);
    expect(response.body).toContain('Doel 1 — Stip op de horizon');
  });

  it('writes the consultation report as PDF and DOCX', async () => {
    const pdf = await get('programmateam', `/plans/${SLUG}/export?format=report-pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain(`${SLUG}-consultatieverslag.pdf`);
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('Wie is uitgenodigd en wie deed mee');
    expect(text).toContain('Reacties van de 18 gemeenten');

    const docx = await get('programmateam', `/plans/${SLUG}/export?format=report-docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml.document');
    const { value } = await mammoth.extractRawText({ buffer: docx.rawPayload });
    expect(value).toContain('Inbreng per thema en groep');
    expect(value).toContain('Hoe zijn de reacties verwerkt');
    expect(value).toContain('Maak de werkdruk meetbaar.');
    expect(value).toContain('Overgenomen: een werkdrukmeting opgenomen');
  });

  it('answers a bad format with a Dutch validation error and an unknown plan with 404', async () => {
    const bad = await get('programmateam', `/plans/${SLUG}/export?format=xlsx`);
    expect(bad.statusCode).toBe(400);
    const missing = await get('programmateam', `/plans/bestaat-niet/export?format=docx`);
    expect(missing.statusCode).toBe(404);
    expect(ErrorBody.parse(missing.json()).error.message).toBe('Dit plan bestaat niet (meer).');
  });

  it('gives the report as JSON with charts and without the counts of small groups', async () => {
    const response = await get('programmateam', `/plans/${SLUG}/report`);
    expect(response.statusCode, response.body).toBe(200);
    const report = ConsultationReportView.parse(response.json());
    expect(report.gemeenten).toHaveLength(18);
    expect(report.charts.map((c) => c.id)).toEqual(['inbreng-per-thema', 'inbreng-per-groep']);
    for (const chart of report.charts) expect(chart.svg).toMatch(/^<svg [^>]*role="img"/);
    expect(report.downloads.map((d) => d.format)).toContain('report-pdf');
    // The demo's OR advice and the one this test added.
    expect(report.advice).toHaveLength(2);
    const added = report.advice.find((a) => a.points.some((p) => p.advised === 'Scholing voor iedereen.'));
    expect(added!.submittedOn).toBe('2026-11-20');
    expect(added!.points.map((p) => p.done)).toEqual([
      'Overgenomen: een werkdrukmeting opgenomen',
      'Nog geen reactie van het programmateam.',
    ]);

    // Work out the people behind every theme × group from the database: each cell under five
    // people is hidden in the JSON, and there is at least one such cell in the demo.
    const raw = await t.database.db
      .selectFrom('contribution as c')
      .innerJoin('theme as th', 'th.id', 'c.theme_id')
      .innerJoin('organisation as o', 'o.id', 'c.organisation_id')
      .select(['th.title', 'o.type', (eb) => eb.fn.count<number>('c.author_id').distinct().as('people')])
      .where('c.state', '=', 'submitted')
      .groupBy(['th.title', 'o.type'])
      .execute();
    const group = {
      hecht_unit: 'medewerkers',
      adviesraad: 'adviesraden',
      gemeente: 'gemeenten',
      ketenpartner: 'ketenpartners',
    } as const;
    let small = 0;
    for (const row of raw) {
      const cell = report.inputByTheme.find((r) => r.theme === row.title)!.counts[group[row.type]];
      if (Number(row.people) < 5) {
        small++;
        expect(cell).toEqual({ count: null, display: '< 5', suppressed: true });
      } else {
        expect(cell.suppressed).toBe(false);
        expect(cell.count).toBeGreaterThan(0);
      }
    }
    expect(small).toBeGreaterThan(0);
    expect(JSON.stringify(report)).not.toContain('"people"');
  });

  it('refuses everyone outside the programme team', async () => {
    for (const account of ['medewerker', 'adviesraad_lid', 'gemeente_gouda']) {
      expect((await get(account, `/plans/${SLUG}/export?format=docx`)).statusCode).toBe(403);
      expect((await get(account, `/plans/${SLUG}/report`)).statusCode).toBe(403);
    }
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/plans/${SLUG}/report` });
    expect(anonymous.statusCode).toBe(401);
  });

  it('records every export in the audit log', async () => {
    const rows = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'subject_id', 'actor_id', 'details'])
      .where('action', '=', 'plan.exported')
      .execute();
    expect(rows.map((r) => r.details.format).sort()).toEqual(
      expect.arrayContaining(['csv', 'docx', 'pdf', 'report-docx', 'report-pdf']),
    );
    expect(rows.every((r) => r.subject_id === plan.id && r.actor_id !== null)).toBe(true);
  });
});

/** Runs the export CLI the way ./inbreng does, and collects what it says. */
function cli(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'apps/api/src/cli/export.ts'), ...args], {
      env: { ...process.env, DATABASE_URL: '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('export CLI', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'inbreng-export-'));
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it('writes the plan as DOCX from a fresh embedded database, relative to INBRENG_CWD', async () => {
    const env = { INBRENG_DATA_DIR: path.join(dir, 'data'), INBRENG_CWD: dir, INBRENG_DEMO: 'true' };
    const run = await cli(['--plan', SLUG, '--format', 'docx', '--out', 'plan.docx'], env);
    expect(run.code, run.stderr).toBe(0);
    const { value } = await mammoth.extractRawText({ path: path.join(dir, 'plan.docx') });
    expect(value).toContain('Bewegen van zorg naar gezondheid');
    expect(value).toContain(annexHeading);
    expect(run.stdout).toContain('plan.docx');
    // Nothing half-written is left next to it.
    expect((await fs.readdir(dir)).filter((f) => f.includes('.tmp'))).toEqual([]);

    const unknown = await cli(['--plan', 'bestaat-niet', '--format', 'docx', '--out', 'x.docx'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Plan bestaat-niet bestaat niet');
    const format = await cli(['--plan', SLUG, '--format', 'xlsx', '--out', 'x.xlsx'], env);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('Onbekend formaat');
    const out = await cli(['--plan', SLUG, '--format', 'pdf'], env);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('--out');
  }, 180_000);
});
