// The councils' formal advice over HTTP: submitting with a PDF or DOCX, refusing what is not one (or is
// too big), storing names safely, serving the file so no browser runs it, who may give advice, the
// team's answer per point with its validation, and the mail to the council when every point is answered.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AdviceDetail, AdviceList, ErrorBody, PlanDetail } from '@inbreng/shared';
import { Document, Packer, Paragraph } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_NOW } from '../../test/app.ts';
import { createSession } from '../identity/sessions.ts';
import { erasePersonalData } from '../privacy/privacy.service.ts';
import { cleanFileName, contentDisposition, sniffAttachment, zipEntryNames } from './advice.files.ts';
import { createAdviceService } from './advice.service.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let plan: PlanDetail;
const cookies: Record<string, string> = {};
const people: Record<string, string> = {};
const orgs: Record<string, string> = {};

async function signIn(account: string) {
  const response = await t.app.inject({ method: 'POST', url: '/api/auth/demo', payload: { account } });
  cookies[account] = `inbreng_session=${response.cookies.find((c) => c.name === 'inbreng_session')!.value}`;
}

/** A council member of their own (the demo accounts hold only one, of the OR). */
async function member(key: string, name: string, council: string) {
  const db = t.database.db;
  const person = await db
    .insertInto('person')
    .values({ name, email: `${key}@test.local` })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('membership')
    .values({ person_id: person.id, organisation_id: orgs[council]!, role: 'adviesraad_lid' })
    .execute();
  const { token } = await createSession(db, person.id, 'demo', 'test', DEMO_NOW);
  cookies[key] = `inbreng_session=${token}`;
  people[key] = person.id;
}

type Part = { name: string; value: string } | { name: string; fileName: string; bytes: Uint8Array };

/** A multipart form as a browser sends it. */
function form(parts: Part[]) {
  const boundary = `----inbreng${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    if ('value' in part) {
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`,
        ),
      );
    } else {
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.fileName}"\r\n` +
            'Content-Type: application/octet-stream\r\n\r\n',
        ),
        Buffer.from(part.bytes),
        Buffer.from('\r\n'),
      );
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function submit(who: string, parts: Part[]) {
  const { payload, contentType } = form(parts);
  return t.app.inject({
    method: 'POST',
    url: `/api/plans/${plan.slug}/advice`,
    headers: { cookie: cookies[who]!, 'content-type': contentType },
    payload,
  });
}

const get = (who: string, url: string) =>
  t.app.inject({ method: 'GET', url, headers: { cookie: cookies[who]! } });
const respond = (who: string, adviceId: string, payload: unknown) =>
  t.app.inject({
    method: 'PUT',
    url: `/api/advice/${adviceId}/responses`,
    headers: { cookie: cookies[who]! },
    payload: payload as object,
  });

function fails(response: Awaited<ReturnType<typeof get>>, status: number) {
  expect(response.statusCode, response.body).toBe(status);
  return ErrorBody.parse(response.json()).error;
}

function created(response: Awaited<ReturnType<typeof get>>) {
  expect(response.statusCode, response.body).toBe(201);
  return AdviceDetail.parse(response.json());
}

/** A small but well-formed PDF, written by hand. */
function tinyPdf(): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

async function tinyDocx(): Promise<Uint8Array> {
  const doc = new Document({
    sections: [{ children: [new Paragraph('Advies van de Ondernemingsraad op het strategisch werkplan.')] }],
  });
  return Packer.toBuffer(doc);
}

/** A stored ZIP with these entries (no compression, no checksums: enough to read its directory). */
function zipOf(names: string[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const name of names) {
    const n = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n);
    centrals.push(central, n);
    offset += 30 + n.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const points = (...texts: string[]) => ({ name: 'points', value: JSON.stringify(texts) });
const milestone = (date: string) => ({
  name: 'milestoneId',
  value: plan.milestones.find((m) => m.date === date)!.id,
});
const DB_26_NOV = '2026-11-26';
const AB_16_DEC = '2026-12-16';

beforeAll(async () => {
  t = await createTestApp();
  plan = PlanDetail.parse(
    (await t.app.inject({ method: 'GET', url: '/api/plans/strategisch-werkplan-2027-2030' })).json(),
  );
  const rows = await t.database.db.selectFrom('organisation').select(['id', 'slug']).execute();
  for (const o of rows) orgs[o.slug] = o.id;
  for (const account of ['programmateam', 'medewerker', 'adviesraad_lid']) await signIn(account);
  await member('mar', 'Charlotte Wijnands', 'medische-adviesraad');
  await member('var', 'Miriam Kuipers', 'verpleegkundige-adviesraad');
  await member('or2', 'Peter Willems', 'ondernemingsraad');
  await member('or3', 'Nienke Bos', 'ondernemingsraad');
  await t.database.db.updateTable('person').set({ notify: 'none' }).where('id', '=', people.or3!).execute();
}, 60_000);

afterAll(async () => {
  await t?.close();
});

describe('reading what a file is', () => {
  it('knows a PDF and a DOCX by their bytes, and a ZIP that only pretends by its directory', async () => {
    expect(sniffAttachment(tinyPdf())).toBe('pdf');
    expect(sniffAttachment(await tinyDocx())).toBe('docx');
    expect(zipEntryNames(await tinyDocx())).toContain('word/document.xml');
    const plainZip = zipOf(['notes.txt']);
    expect(() => sniffAttachment(plainZip)).toThrow(/PDF- of Word-bestand/);
    expect(() => sniffAttachment(Buffer.from('PK\x03\x04 truncated'))).toThrow(/beschadigd/);
    expect(() => sniffAttachment(Buffer.from('\x7fELF\x02\x01'))).toThrow(/programma of script/);
    expect(() => sniffAttachment(Buffer.from('#!/bin/sh\nrm -rf /'))).toThrow(/programma of script/);
  });

  it('keeps only a safe last part of a name, with the extension of what the file is', () => {
    expect(cleanFileName('../../etc/passwd.pdf', 'pdf')).toBe('passwd.pdf');
    expect(cleanFileName('C:\\Users\\or\\Advies OR.docx', 'docx')).toBe('Advies OR.docx');
    expect(cleanFileName('advies\u202Efdp.exe', 'pdf')).toBe('adviesfdp.pdf');
    expect(cleanFileName('..', 'pdf')).toBe('advies.pdf');
    expect(cleanFileName('advies.pdf', 'docx')).toBe('advies.docx');
    expect(contentDisposition('Advies (OR) ë.pdf')).toBe(
      `attachment; filename="Advies (OR) _.pdf"; filename*=UTF-8''Advies%20%28OR%29%20%C3%AB.pdf`,
    );
  });
});

describe('giving advice', () => {
  let orAdvice: AdviceDetail;

  it('an OR member gives the OR’s advice with a PDF, and everyone signed in can read it', async () => {
    orAdvice = created(
      await submit('adviesraad_lid', [
        milestone(DB_26_NOV),
        { name: 'summary', value: 'De OR adviseert positief, met drie kanttekeningen.' },
        points(
          'Betrek de OR bij de keuzes over sterke teams vóór de DB-vergadering.',
          'Maak de werkdruk van de teams zichtbaar in het werkplan.',
          'Noem de noodsteunpunten ook in het bedrijfscontinuïteitsplan.',
        ),
        { name: 'attachment', fileName: 'Advies OR werkplan.pdf', bytes: tinyPdf() },
      ]),
    );
    expect(orAdvice).toMatchObject({
      council: { id: orgs.ondernemingsraad, name: 'Ondernemingsraad (OR)' },
      milestone: { date: DB_26_NOV, body: 'DB' },
      submittedBy: { name: 'Marieke Jansen' },
      pointCount: 3,
      answeredCount: 0,
      complete: false,
      attachment: { fileName: 'Advies OR werkplan.pdf', kind: 'pdf', contentType: 'application/pdf' },
    });
    expect(orAdvice.points.map((p) => p.number)).toEqual([1, 2, 3]);

    const list = AdviceList.parse((await get('medewerker', `/api/plans/${plan.slug}/advice`)).json());
    expect(list.items.map((a) => a.id)).toContain(orAdvice.id);
    expect(list.mayAdviseFor).toEqual([]);
    const read = await get('medewerker', `/api/advice/${orAdvice.id}`);
    expect(AdviceDetail.parse(read.json())).toMatchObject({ id: orAdvice.id, canRespond: false });
  });

  it('serves the attachment as a download no browser opens, runs or sniffs', async () => {
    const response = await get('medewerker', `/api/advice/${orAdvice.id}/attachment`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="Advies OR werkplan.pdf"; filename*=UTF-8''Advies%20OR%20werkplan.pdf`,
    );
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(String(response.headers['content-security-policy'])).toMatch(/(^|;\s*)sandbox(;|$)/);
    expect(String(response.headers['cache-control'])).toMatch(/^private/);
    expect(Buffer.compare(response.rawPayload, Buffer.from(tinyPdf()))).toBe(0);
  });

  it('takes one advice per council and milestone', async () => {
    const again = await submit('or2', [milestone(DB_26_NOV), points('Nog een punt.')]);
    expect(fails(again, 409).message).toMatch(/al advies uitgebracht/);
  });

  it('takes a DOCX, also sent as JSON-less form fields, one per point', async () => {
    const advice = created(
      await submit('adviesraad_lid', [
        milestone(AB_16_DEC),
        { name: 'points', value: 'Houd de OR op de hoogte van de uitwerking per RVE.' },
        { name: 'points', value: 'Leg vast hoe medewerkers meepraten over de communicatie.' },
        { name: 'attachment', fileName: 'Advies OR – reactie ë.docx', bytes: await tinyDocx() },
      ]),
    );
    expect(advice.attachment).toMatchObject({
      kind: 'docx',
      fileName: 'Advies OR – reactie ë.docx',
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    expect(advice.points.map((p) => p.text)).toEqual([
      'Houd de OR op de hoogte van de uitwerking per RVE.',
      'Leg vast hoe medewerkers meepraten over de communicatie.',
    ]);
  });

  it('refuses a program renamed to advies.pdf, and keeps nothing of it', async () => {
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00'), randomBytes(512)]);
    const before = await t.database.db.selectFrom('advice').select('id').execute();
    const error = fails(
      await submit('mar', [
        milestone(AB_16_DEC),
        points('Punt.'),
        { name: 'attachment', fileName: 'advies.pdf', bytes: exe },
      ]),
      415,
    );
    expect(error.message).toMatch(/programma of script, geen PDF- of Word-document/);
    expect(error.fields?.attachment).toBe(error.message);
    expect(await t.database.db.selectFrom('advice').select('id').execute()).toHaveLength(before.length);
  });

  it('refuses a Word file that is a ZIP without a document inside', async () => {
    const error = fails(
      await submit('mar', [
        milestone(AB_16_DEC),
        points('Punt.'),
        {
          name: 'attachment',
          fileName: 'advies.docx',
          bytes: zipOf(['word/other.xml', '[Content_Types].xml']),
        },
      ]),
      415,
    );
    expect(error.message).toMatch(/PDF- of Word-bestand/);
  });

  it('refuses a file over 10 MB with 413 and says the limit', async () => {
    const big = Buffer.concat([Buffer.from(tinyPdf()), Buffer.alloc(10 * 1024 * 1024 + 1, 0x20)]);
    const error = fails(
      await submit('mar', [
        milestone(AB_16_DEC),
        points('Punt.'),
        { name: 'attachment', fileName: 'groot.pdf', bytes: big },
      ]),
      413,
    );
    expect(error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(error.message).toBe('Het bestand is te groot. Voeg een bestand toe van hoogstens 10 MB.');
  });

  it('stores a name like ../../etc/passwd.pdf as passwd.pdf, apart from where the bytes are', async () => {
    const advice = created(
      await submit('mar', [
        milestone(DB_26_NOV),
        points('Borg de medische eindverantwoordelijkheid in de transmurale netwerken.'),
        // 6 MB: well over the 1 MB that JSON bodies may be, well under the attachment's limit.
        {
          name: 'attachment',
          fileName: '../../etc/passwd.pdf',
          bytes: Buffer.concat([Buffer.from(tinyPdf()), Buffer.alloc(6 * 1024 * 1024, 0x20)]),
        },
      ]),
    );
    expect(advice.council.id).toBe(orgs['medische-adviesraad']);
    expect(advice.attachment?.fileName).toBe('passwd.pdf');
    const stored = await t.database.db
      .selectFrom('advice_attachment')
      .select(['file_name', 'storage_key', 'sha256'])
      .where('advice_id', '=', advice.id)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ file_name: 'passwd.pdf', storage_key: null });
    const download = await get('programmateam', `/api/advice/${advice.id}/attachment`);
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="passwd.pdf"; filename*=UTF-8''passwd.pdf`,
    );
  });
});

describe('who may give advice', () => {
  it('a member of another council cannot give the OR’s advice', async () => {
    const response = await submit('mar', [
      milestone(AB_16_DEC),
      { name: 'organisationId', value: orgs.ondernemingsraad! },
      points('Namens de OR.'),
    ]);
    fails(response, 403);
  });

  it('a medewerker cannot give advice at all', async () => {
    fails(await submit('medewerker', [milestone(AB_16_DEC), points('Punt.')]), 403);
    const json = await t.app.inject({
      method: 'POST',
      url: `/api/plans/${plan.slug}/advice`,
      headers: { cookie: cookies.medewerker! },
      payload: { milestoneId: plan.milestones.at(-1)!.id, points: [{ text: 'Punt.' }] },
    });
    fails(json, 403);
  });

  it('says what is missing, in Dutch, and refuses a milestone that has passed', async () => {
    const empty = fails(await submit('var', [milestone(AB_16_DEC)]), 400);
    expect(empty.fields?.points).toBe('Geef ten minste één adviespunt.');
    const past = fails(await submit('var', [milestone('2026-10-15'), points('Te laat.')]), 400);
    expect(past.fields?.milestoneId).toMatch(/al geweest/);
    const json = await t.app.inject({
      method: 'POST',
      url: `/api/plans/${plan.slug}/advice`,
      headers: { cookie: cookies.var! },
      payload: { points: [{ text: '' }] },
    });
    const error = fails(json, 400);
    expect(error.fields?.milestoneId).toMatch(/Kies het moment/);
    expect(error.fields?.['points.0.text']).toBe('Een adviespunt mag niet leeg zijn.');
  });
});

describe('the team’s response per point', () => {
  let advice: AdviceDetail;

  beforeAll(async () => {
    const list = AdviceList.parse((await get('programmateam', `/api/plans/${plan.slug}/advice`)).json());
    const summary = list.items.find(
      (a) => a.council.id === orgs.ondernemingsraad && a.milestone.date === DB_26_NOV,
    )!;
    advice = AdviceDetail.parse((await get('programmateam', `/api/advice/${summary.id}`)).json());
  });

  it('only the programme team answers', async () => {
    const body = { responses: [{ pointId: advice.points[0]!.id, taken: 'overgenomen', what: 'Gedaan.' }] };
    fails(await respond('adviesraad_lid', advice.id, body), 403);
    fails(await respond('medewerker', advice.id, body), 403);
  });

  it('says per field what is missing', async () => {
    const error = fails(
      await respond('programmateam', advice.id, {
        responses: [
          { pointId: advice.points[0]!.id, taken: 'niet', what: 'We houden de huidige planning aan.' },
          { pointId: advice.points[1]!.id, why: 'Omdat.' },
        ],
      }),
      400,
    );
    expect(error.fields).toMatchObject({
      'responses.0.why': 'Leg uit waarom het advies niet (helemaal) is overgenomen.',
      'responses.1.taken': 'Kies of het advies is overgenomen, deels overgenomen of niet overgenomen.',
      'responses.1.what': 'Schrijf wat het programmateam met dit punt heeft gedaan.',
    });
    const stranger = fails(
      await respond('programmateam', advice.id, {
        responses: [
          { pointId: '00000000-0000-4000-8000-000000000000', taken: 'overgenomen', what: 'Gedaan.' },
        ],
      }),
      400,
    );
    expect(stranger.fields?.['responses.0.pointId']).toBe('Dit punt hoort niet bij dit advies.');
  });

  it('records "u adviseerde — wij hebben — daarom", and mails the council once every point is answered', async () => {
    const mails = () =>
      t.database.db
        .selectFrom('mail_message')
        .select(['to_address', 'subject', 'text_body'])
        .where('kind', '=', 'advice.answered')
        .execute();
    const [p1, p2, p3] = advice.points;
    const partial = AdviceDetail.parse(
      (
        await respond('programmateam', advice.id, {
          responses: [
            {
              pointId: p1!.id,
              taken: 'overgenomen',
              what: 'De OR praat op 19 november mee over de definitie van sterke teams.',
            },
          ],
        })
      ).json(),
    );
    expect(partial).toMatchObject({ answeredCount: 1, complete: false, completedAt: null });
    expect(await mails()).toEqual([]);

    const done = await respond('programmateam', advice.id, {
      responses: [
        {
          pointId: p2!.id,
          taken: 'deels',
          what: 'Werkdruk is een indicator in het hoofdstuk Investeren in sterke teams.',
          why: 'Cijfers per team delen we niet: teams zijn soms kleiner dan vijf mensen.',
        },
        {
          pointId: p3!.id,
          taken: 'niet',
          what: 'Het bedrijfscontinuïteitsplan blijft zoals het is.',
          why: 'De noodsteunpunten zijn van de gemeenten; het plan gaat over onze eigen diensten.',
        },
      ],
    });
    expect(done.statusCode, done.body).toBe(200);
    const answered = AdviceDetail.parse(done.json());
    expect(answered).toMatchObject({ answeredCount: 3, complete: true, canRespond: true });
    expect(answered.completedAt).toBe(DEMO_NOW.toISOString());
    expect(answered.points[1]!.response).toMatchObject({
      taken: 'deels',
      takenLabel: 'Deels overgenomen',
      by: { name: 'Sanne de Vries' },
    });

    const sent = await mails();
    // Marieke and Peter of the OR; Nienke chose no mail; no one of another council.
    expect(sent.map((m) => m.to_address).toSorted()).toEqual([
      'marieke.jansen@demo.inbreng.nl',
      'or2@test.local',
    ]);
    expect(sent[0]!.subject).toBe('De reactie op het advies van de Ondernemingsraad (OR)');
    expect(sent[0]!.text_body).toMatch(/DB-vergadering van 26 november 2026/);

    // A later correction is recorded, but the council is not mailed again.
    await respond('programmateam', advice.id, {
      responses: [{ pointId: p1!.id, taken: 'overgenomen', what: 'De OR praat op 19 november mee.' }],
    });
    expect(await mails()).toHaveLength(2);

    const actions = await t.database.db
      .selectFrom('audit_event')
      .select('action')
      .where('subject_id', '=', advice.id)
      .execute();
    expect(actions.map((a) => a.action).toSorted()).toEqual([
      'advice.responded',
      'advice.responded',
      'advice.responded',
      'advice.submitted',
    ]);
  });

  it('keeps the advice and answers when the member who gave it is erased', async () => {
    const list = AdviceList.parse((await get('programmateam', `/api/plans/${plan.slug}/advice`)).json());
    const mar = list.items.find((a) => a.council.id === orgs['medische-adviesraad'])!;
    expect(mar.submittedBy?.id).toBe(people.mar);
    await t.database.db.transaction().execute((trx) => erasePersonalData(trx, people.mar!, DEMO_NOW));
    const after = AdviceDetail.parse((await get('programmateam', `/api/advice/${mar.id}`)).json());
    expect(after).toMatchObject({ id: mar.id, submittedBy: null, pointCount: 1 });
  });
});

describe('attachments in a configured directory', () => {
  it('writes the bytes under a name of its own, and serves them back', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'inbreng-advice-'));
    try {
      const service = createAdviceService({
        db: t.database.db,
        now: () => DEMO_NOW,
        baseUrl: () => '',
        uploadDir: dir,
        maxAttachmentBytes: 1024 * 1024,
      });
      const actor = {
        personId: people.var!,
        memberships: [
          { organisationId: orgs['verpleegkundige-adviesraad']!, role: 'adviesraad_lid' as const },
        ],
      };
      const advice = await service.submit(
        actor,
        plan.slug,
        {
          milestoneId: plan.milestones.find((m) => m.date === DB_26_NOV)!.id,
          points: [{ text: 'Geef verpleegkundigen een vaste plek in de transmurale netwerken.' }],
        },
        { fileName: '../../../tmp/evil.pdf', bytes: tinyPdf() },
      );
      const stored = await t.database.db
        .selectFrom('advice_attachment')
        .select(['file_name', 'storage_key', 'data'])
        .where('advice_id', '=', advice.id)
        .executeTakeFirstOrThrow();
      expect(stored).toMatchObject({ file_name: 'evil.pdf', data: null });
      expect(stored.storage_key).toMatch(/^[0-9a-f-]{36}\.pdf$/);
      expect(await fs.readdir(dir)).toEqual([stored.storage_key]);
      const file = await service.attachment(advice.id);
      expect(Buffer.compare(file.bytes, Buffer.from(tinyPdf()))).toBe(0);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
