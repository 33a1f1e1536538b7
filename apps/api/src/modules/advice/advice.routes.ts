// HTTP for the councils' formal advice. The advice comes as JSON, or as a multipart form with the
// attachment in the file field `attachment`; the multipart parser lives in this plugin only. The
// attachment is served as a download that no browser will open, run or sniff.
import multipart from '@fastify/multipart';
import {
  ADVICE_ATTACHMENT_MAX_BYTES,
  AdviceDetail,
  AdviceList,
  AdviceParams,
  AdviceResponsesInput,
  AdviceSubmit,
  ErrorBody,
  fieldErrors,
  PlanAdviceParams,
} from '@inbreng/shared';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { actorOf } from '../../plugins/access.ts';
import { contentDisposition, contentTypeOf, tooLarge } from './advice.files.ts';
import { createAdviceService, type AdviceFile, type AdviceSubmitInput } from './advice.service.ts';

export type AdviceOptions = {
  now: () => Date;
  baseUrl: () => string;
  /** Keep attachments as files in this directory instead of in the database. */
  uploadDir?: string;
  /** The largest attachment taken, in bytes (default 10 MB). */
  maxAttachmentBytes?: number;
};

const SubmitBody = AdviceSubmit.extend({
  /** Only needed by someone who sits on more than one council. */
  organisationId: z.uuid({ error: 'Kies de adviesraad.' }).optional(),
});

/** `points` from a form: one field per point, or one field holding a JSON array (of texts or {text}). */
function pointsFromForm(values: string[]): unknown {
  if (values.length === 1 && values[0]!.trim().startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(values[0]!);
      if (Array.isArray(parsed)) return parsed.map((p) => (typeof p === 'string' ? { text: p } : p));
    } catch {
      throw new AppError('VALIDATION', undefined, { points: 'De adviespunten zijn niet goed meegestuurd.' });
    }
  }
  return values.map((text) => ({ text }));
}

const isCode = (error: unknown, code: string) => (error as { code?: unknown }).code === code;

async function readSubmission(
  request: FastifyRequest,
  maxBytes: number,
): Promise<{ input: AdviceSubmitInput; file: AdviceFile | undefined }> {
  let raw: unknown = request.body;
  let file: AdviceFile | undefined;
  if (request.isMultipart()) {
    const fields = new Map<string, string[]>();
    try {
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          if (part.fieldname !== 'attachment') {
            throw new AppError('VALIDATION', undefined, { attachment: 'Voeg het bestand toe als bijlage.' });
          }
          const bytes = await part.toBuffer();
          // A form without a chosen file still sends an empty file part.
          if (bytes.byteLength > 0 || part.filename) file = { fileName: part.filename, bytes };
        } else {
          fields.set(part.fieldname, [...(fields.get(part.fieldname) ?? []), String(part.value)]);
        }
      }
    } catch (error) {
      if (isCode(error, 'FST_REQ_FILE_TOO_LARGE')) throw tooLarge(maxBytes);
      if (isCode(error, 'FST_FILES_LIMIT_REACHED')) {
        throw new AppError('VALIDATION', undefined, { attachment: 'Voeg hoogstens één bestand toe.' });
      }
      throw error;
    }
    raw = {
      milestoneId: fields.get('milestoneId')?.[0],
      summary: fields.get('summary')?.[0],
      organisationId: fields.get('organisationId')?.[0] || undefined,
      points: pointsFromForm(fields.get('points') ?? []),
    };
  }
  const parsed = SubmitBody.safeParse(raw ?? {});
  if (!parsed.success) throw new AppError('VALIDATION', undefined, fieldErrors(parsed.error));
  return { input: parsed.data, file };
}

export const adviceRoutes: FastifyPluginAsyncZod<AdviceOptions> = async (app, options) => {
  const maxBytes = options.maxAttachmentBytes ?? ADVICE_ATTACHMENT_MAX_BYTES;
  const advice = createAdviceService({
    db: app.database.db,
    now: options.now,
    baseUrl: options.baseUrl,
    uploadDir: options.uploadDir,
    maxAttachmentBytes: maxBytes,
  });
  const tags = ['advies'];

  await app.register(multipart, {
    // One file and a handful of fields; the file's limit is ours, the fields' sizes generous for 50 points.
    limits: { files: 1, fileSize: maxBytes, fields: 120, fieldSize: 512 * 1024, parts: 121 },
    throwFileSizeLimit: true,
  });

  app.get(
    '/plans/:plan/advice',
    {
      schema: {
        tags,
        summary: 'Uitgebrachte adviezen van de adviesraden op het plan, met de stand van de reactie',
        params: PlanAdviceParams,
        response: { 200: AdviceList },
      },
    },
    (request) => advice.list(actorOf(request), request.params.plan),
  );

  app.post(
    '/plans/:plan/advice',
    {
      schema: {
        tags,
        summary:
          'Formeel advies uitbrengen namens de eigen adviesraad (JSON, of een formulier met een PDF of DOCX als bijlage)',
        params: PlanAdviceParams,
        consumes: ['application/json', 'multipart/form-data'],
        response: { 201: AdviceDetail, 413: ErrorBody, 415: ErrorBody },
      },
    },
    async (request, reply) => {
      const { input, file } = await readSubmission(request, maxBytes);
      return reply.code(201).send(await advice.submit(actorOf(request), request.params.plan, input, file));
    },
  );

  app.get(
    '/advice/:adviceId',
    {
      schema: {
        tags,
        summary: 'Eén advies: de punten met per punt wat het programmateam deed en waarom',
        params: AdviceParams,
        response: { 200: AdviceDetail },
      },
    },
    (request) => advice.detail(actorOf(request), request.params.adviceId),
  );

  app.get(
    '/advice/:adviceId/attachment',
    {
      schema: {
        tags,
        summary: 'De bijlage van het advies, als download',
        params: AdviceParams,
      },
      // After the security plugin's headers for data answers: this answer is a file to save.
      onSend: async (_request, reply) => {
        if (reply.statusCode !== 200) return;
        reply.header('content-security-policy', "sandbox; default-src 'none'; frame-ancestors 'none'");
        reply.header('cache-control', 'private, no-cache');
      },
    },
    async (request, reply) => {
      const file = await advice.attachment(request.params.adviceId);
      return reply
        .header('content-type', contentTypeOf(file.kind))
        .header('content-disposition', contentDisposition(file.fileName))
        .header('x-content-type-options', 'nosniff')
        .send(file.bytes);
    },
  );

  app.put(
    '/advice/:adviceId/responses',
    {
      schema: {
        tags,
        summary: 'De reactie van het programmateam per adviespunt: wat wij hebben gedaan en waarom',
        params: AdviceParams,
        body: AdviceResponsesInput,
        response: { 200: AdviceDetail },
      },
    },
    (request) => advice.respond(actorOf(request), request.params.adviceId, request.body),
  );
};
