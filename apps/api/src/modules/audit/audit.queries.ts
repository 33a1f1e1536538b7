// SQL for reading the audit log with the beheerder's filters.
import type { Kysely } from 'kysely';
import { startingWith } from '../../db/like.ts';
import type { DB } from '../../db/schema.ts';

export type AuditFilter = { action?: string; actorId?: string; from?: Date; to?: Date };

function auditWhere(db: Kysely<DB>, f: AuditFilter) {
  let query = db.selectFrom('audit_event as a').leftJoin('person as p', 'p.id', 'a.actor_id');
  if (f.action) query = query.where('a.action', 'like', startingWith(f.action));
  if (f.actorId) query = query.where('a.actor_id', '=', f.actorId);
  if (f.from) query = query.where('a.at', '>=', f.from);
  if (f.to) query = query.where('a.at', '<', f.to);
  return query;
}

export function listAudit(db: Kysely<DB>, f: AuditFilter, page: { limit: number; offset: number }) {
  return auditWhere(db, f)
    .select([
      'a.id',
      'a.at',
      'a.actor_id',
      'p.name as actor_name',
      'a.action',
      'a.subject_type',
      'a.subject_id',
      'a.organisation_id',
      'a.details',
    ])
    .orderBy('a.at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countAudit(db: Kysely<DB>, f: AuditFilter) {
  const row = await auditWhere(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
