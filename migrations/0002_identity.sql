-- Who people are, how they get in, what they may do, and the durable machinery behind it:
-- organisations, people, memberships, sessions, sign-in tokens, invitations, rate limits,
-- the audit log, the job queue, mail and privacy requests.

CREATE TABLE organisation (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  type text NOT NULL CHECK (type IN ('hecht_unit', 'gemeente', 'adviesraad', 'ketenpartner')),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- A person's e-mail and name are their only personal data here; erasure blanks both and keeps the
-- row as a tombstone so that what they contributed can stay, without author.
CREATE TABLE person (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text CHECK (email = lower(email)),
  name text CHECK (length(name) <= 200),
  locale text NOT NULL DEFAULT 'nl' CHECK (locale IN ('nl', 'en')),
  oidc_subject text,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_sign_in_at timestamptz,
  erased_at timestamptz,
  CHECK (erased_at IS NULL OR (email IS NULL AND name IS NULL AND oidc_subject IS NULL))
);
CREATE UNIQUE INDEX person_email_key ON person (email) WHERE email IS NOT NULL;
CREATE UNIQUE INDEX person_oidc_subject_key ON person (oidc_subject) WHERE oidc_subject IS NOT NULL;

CREATE TABLE membership (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('medewerker', 'adviesraad_lid', 'gemeente_ambtenaar',
    'ketenpartner', 'programmateam', 'beheerder')),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (person_id, organisation_id, role)
);
CREATE INDEX membership_organisation_idx ON membership (organisation_id);

-- Sessions the Lucia way: the cookie holds "id.secret"; only a SHA-256 of the secret is stored.
CREATE TABLE session (
  id text PRIMARY KEY,
  secret_hash bytea NOT NULL,
  person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  -- What device this is, in words ("Chrome op Linux"), so a person recognises it in their list.
  device text NOT NULL DEFAULT '',
  method text NOT NULL CHECK (method IN ('email', 'invitation', 'oidc', 'demo'))
);
CREATE INDEX session_person_idx ON session (person_id);

-- One e-mail carries both a link and a six-digit code; both are stored only as hashes.
CREATE TABLE sign_in_token (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  link_hash bytea NOT NULL UNIQUE,
  code_hash bytea NOT NULL,
  failed_attempts integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX sign_in_token_person_idx ON sign_in_token (person_id, created_at DESC);

CREATE TABLE invitation (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL CHECK (email = lower(email)),
  name text CHECK (length(name) <= 200),
  organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('medewerker', 'adviesraad_lid', 'gemeente_ambtenaar',
    'ketenpartner', 'programmateam', 'beheerder')),
  token_hash bytea NOT NULL UNIQUE,
  state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'accepted', 'revoked')),
  invited_by uuid REFERENCES person (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  sent_count integer NOT NULL DEFAULT 1,
  last_sent_at timestamptz NOT NULL DEFAULT now(),
  accepted_at timestamptz,
  accepted_by uuid REFERENCES person (id) ON DELETE SET NULL
);
-- One open invitation per address, organisation and role: inviting again resends it.
CREATE UNIQUE INDEX invitation_open_key ON invitation (email, organisation_id, role) WHERE state = 'open';

-- Fixed-window counters shared by every process (so limits hold when scaled out).
-- Keys never hold an address in clear: "address:<sha256>" or "ip:<address>".
CREATE TABLE rate_limit (
  key text PRIMARY KEY,
  window_start timestamptz NOT NULL,
  hits integer NOT NULL
);

-- Append-only: who did what, when. Actors and subjects are ids, never e-mail addresses or names,
-- so erasing a person leaves this log pseudonymous rather than broken.
CREATE TABLE audit_event (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid,
  action text NOT NULL,
  subject_type text,
  subject_id text,
  organisation_id uuid,
  details jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_event_at_idx ON audit_event (at DESC);
CREATE INDEX audit_event_actor_idx ON audit_event (actor_id, at DESC);
CREATE INDEX audit_event_action_idx ON audit_event (action, at DESC);

-- Only the retention job may remove audit rows (it sets inbreng.audit_retention); nobody edits them.
CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('inbreng.audit_retention', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_event is append-only';
END;
$$;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();

-- The durable job queue: claimed with FOR UPDATE SKIP LOCKED, retried with back-off.
CREATE TABLE job (
  id bigserial PRIMARY KEY,
  kind text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}',
  state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 6,
  run_at timestamptz NOT NULL DEFAULT now(),
  locked_until timestamptz,
  last_error text,
  dedupe_key text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX job_due_idx ON job (run_at) WHERE state IN ('queued', 'running');

-- Every e-mail Inbreng sends. Without SMTP_URL it stays here as the outbox.
CREATE TABLE mail_message (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid REFERENCES person (id) ON DELETE SET NULL,
  kind text NOT NULL,
  to_address text NOT NULL,
  subject text NOT NULL,
  text_body text NOT NULL,
  html_body text NOT NULL,
  state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sent', 'outbox', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz
);
CREATE INDEX mail_message_created_idx ON mail_message (created_at DESC);
CREATE INDEX mail_message_person_idx ON mail_message (person_id);

CREATE TABLE privacy_request (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('erasure')),
  state text NOT NULL DEFAULT 'requested' CHECK (state IN ('requested', 'done', 'rejected')),
  reason text CHECK (length(reason) <= 2000),
  created_at timestamptz NOT NULL DEFAULT now(),
  handled_at timestamptz,
  handled_by uuid REFERENCES person (id) ON DELETE SET NULL,
  handled_note text CHECK (length(handled_note) <= 2000)
);
CREATE UNIQUE INDEX privacy_request_open_key ON privacy_request (person_id, kind) WHERE state = 'requested';

-- Hecht's units, the 18 gemeenten and the advisory councils are facts, not demo data.
INSERT INTO organisation (slug, name, type) VALUES
  ('programmaorganisatie', 'Hecht programmaorganisatie', 'hecht_unit'),
  ('ggd-hollands-midden', 'GGD Hollands Midden', 'hecht_unit'),
  ('ghor-hollands-midden', 'GHOR Hollands Midden', 'hecht_unit'),
  ('rav-hollands-midden', 'RAV Hollands Midden', 'hecht_unit'),
  ('zorg-en-veiligheidshuis', 'Zorg- en Veiligheidshuis Hollands Midden', 'hecht_unit'),
  ('alphen-aan-den-rijn', 'Gemeente Alphen aan den Rijn', 'gemeente'),
  ('bodegraven-reeuwijk', 'Gemeente Bodegraven-Reeuwijk', 'gemeente'),
  ('gouda', 'Gemeente Gouda', 'gemeente'),
  ('hillegom', 'Gemeente Hillegom', 'gemeente'),
  ('kaag-en-braassem', 'Gemeente Kaag en Braassem', 'gemeente'),
  ('katwijk', 'Gemeente Katwijk', 'gemeente'),
  ('krimpenerwaard', 'Gemeente Krimpenerwaard', 'gemeente'),
  ('leiden', 'Gemeente Leiden', 'gemeente'),
  ('leiderdorp', 'Gemeente Leiderdorp', 'gemeente'),
  ('lisse', 'Gemeente Lisse', 'gemeente'),
  ('nieuwkoop', 'Gemeente Nieuwkoop', 'gemeente'),
  ('noordwijk', 'Gemeente Noordwijk', 'gemeente'),
  ('oegstgeest', 'Gemeente Oegstgeest', 'gemeente'),
  ('teylingen', 'Gemeente Teylingen', 'gemeente'),
  ('voorschoten', 'Gemeente Voorschoten', 'gemeente'),
  ('waddinxveen', 'Gemeente Waddinxveen', 'gemeente'),
  ('zoeterwoude', 'Gemeente Zoeterwoude', 'gemeente'),
  ('zuidplas', 'Gemeente Zuidplas', 'gemeente'),
  ('ondernemingsraad', 'Ondernemingsraad (OR)', 'adviesraad'),
  ('medische-adviesraad', 'Medische Adviesraad (MAR)', 'adviesraad'),
  ('verpleegkundige-adviesraad', 'Verpleegkundige Adviesraad (VAR)', 'adviesraad'),
  ('ambassadeurs-positieve-gezondheid', 'Ambassadeurs Positieve Gezondheid', 'adviesraad'),
  ('klankbordgroep', 'Klankbordgroep', 'adviesraad');
