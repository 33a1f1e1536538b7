// The first way in for a real install (no demo data): INBRENG_ADMIN_EMAIL becomes a beheerder of the
// programme organisation at every start, so that person can sign in by e-mail and invite the rest.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

export async function ensureAdmin(db: Kysely<DB>, email: string): Promise<void> {
  await sql`
    WITH p AS (
      INSERT INTO person (email) VALUES (${email.toLowerCase()})
      ON CONFLICT (email) WHERE email IS NOT NULL DO UPDATE SET email = EXCLUDED.email
      RETURNING id)
    INSERT INTO membership (person_id, organisation_id, role)
    SELECT p.id, o.id, 'beheerder' FROM p, organisation o WHERE o.slug = 'programmaorganisatie'
    ON CONFLICT DO NOTHING`.execute(db);
}
