// The one audit helper. Call it inside the transaction of the change it records, so the log and the
// change land together or not at all. Never put an e-mail address or a name in `details`.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

export type AuditEntry = {
  actorId: string | null;
  action: string;
  subjectType?: string;
  subjectId?: string;
  organisationId?: string | null;
  details?: Record<string, unknown>;
  at: Date;
};

export async function audit(db: Kysely<DB>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_event')
    .values({
      at: entry.at,
      actor_id: entry.actorId,
      action: entry.action,
      subject_type: entry.subjectType ?? null,
      subject_id: entry.subjectId ?? null,
      organisation_id: entry.organisationId ?? null,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}
