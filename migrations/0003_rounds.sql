-- Consultation rounds, their questions, the input people give, and the consolidated responses of the
-- gemeenten: steps 2–4 of the flow.

-- How a person wants to hear about rounds: every mail at once, one digest a day, or nothing.
ALTER TABLE person ADD COLUMN notify text NOT NULL DEFAULT 'immediate'
  CHECK (notify IN ('immediate', 'daily', 'none'));

CREATE TABLE round (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
  title text NOT NULL CHECK (length(title) BETWEEN 3 AND 200),
  purpose text NOT NULL DEFAULT '' CHECK (length(purpose) <= 4000),
  state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'open', 'closed', 'reported')),
  opens_on date NOT NULL,
  closes_on date NOT NULL,
  milestone_id uuid REFERENCES milestone (id) ON DELETE SET NULL,
  -- Reminders go out this many days before closing, to those who have not responded.
  reminder_days integer NOT NULL DEFAULT 3 CHECK (reminder_days BETWEEN 0 AND 60),
  created_by uuid REFERENCES person (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  opened_at timestamptz,
  closed_at timestamptz,
  reported_at timestamptz,
  reminded_at timestamptz,
  CHECK (closes_on >= opens_on)
);
CREATE INDEX round_plan_idx ON round (plan_id, opens_on DESC);
CREATE INDEX round_due_idx ON round (state, opens_on, closes_on);

-- Who a round asks: whole groups (by role) and/or named organisations.
CREATE TABLE round_audience (
  round_id uuid NOT NULL REFERENCES round (id) ON DELETE CASCADE,
  audience text NOT NULL CHECK (audience IN ('group', 'organisation')),
  role text CHECK (role IN ('medewerker', 'adviesraad_lid', 'gemeente_ambtenaar', 'ketenpartner')),
  organisation_id uuid REFERENCES organisation (id) ON DELETE CASCADE,
  CHECK ((audience = 'group' AND role IS NOT NULL AND organisation_id IS NULL)
      OR (audience = 'organisation' AND organisation_id IS NOT NULL AND role IS NULL))
);
CREATE UNIQUE INDEX round_audience_group_key ON round_audience (round_id, role) WHERE audience = 'group';
CREATE UNIQUE INDEX round_audience_org_key ON round_audience (round_id, organisation_id) WHERE audience = 'organisation';

-- The themes a round asks about, in the order the form shows them.
CREATE TABLE round_theme (
  round_id uuid NOT NULL REFERENCES round (id) ON DELETE CASCADE,
  theme_id uuid NOT NULL REFERENCES theme (id) ON DELETE CASCADE,
  position integer NOT NULL,
  PRIMARY KEY (round_id, theme_id)
);

CREATE TABLE question (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  round_id uuid NOT NULL REFERENCES round (id) ON DELETE CASCADE,
  theme_id uuid NOT NULL REFERENCES theme (id) ON DELETE CASCADE,
  position integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('open', 'single', 'multiple', 'scale', 'addition')),
  prompt text NOT NULL CHECK (length(prompt) BETWEEN 3 AND 1000),
  help text NOT NULL DEFAULT '' CHECK (length(help) <= 2000),
  options jsonb NOT NULL DEFAULT '[]',
  required boolean NOT NULL DEFAULT false,
  UNIQUE (round_id, theme_id, position)
);

-- One contribution is one person's filled-in form for one theme of a round (or input heard in a
-- meeting, recorded by the programme team). The client key makes a repeated submit the same row.
CREATE TABLE contribution (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  round_id uuid NOT NULL REFERENCES round (id) ON DELETE CASCADE,
  theme_id uuid NOT NULL REFERENCES theme (id) ON DELETE CASCADE,
  author_id uuid REFERENCES person (id) ON DELETE SET NULL,
  organisation_id uuid REFERENCES organisation (id) ON DELETE SET NULL,
  visibility text NOT NULL DEFAULT 'name' CHECK (visibility IN ('name', 'organisation', 'anonymous')),
  source text NOT NULL DEFAULT 'form' CHECK (source IN ('form', 'meeting')),
  meeting_date date,
  meeting_source text CHECK (length(meeting_source) <= 300),
  state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'submitted')),
  client_key text NOT NULL CHECK (length(client_key) BETWEEN 8 AND 64),
  -- Everything the contribution says, for Dutch full-text search; kept by the service on every save.
  body text NOT NULL DEFAULT '',
  search tsvector GENERATED ALWAYS AS (to_tsvector('dutch', body)) STORED,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  submitted_at timestamptz,
  CHECK (source = 'form' OR (meeting_date IS NOT NULL AND meeting_source IS NOT NULL))
);
CREATE UNIQUE INDEX contribution_client_key ON contribution (author_id, client_key);
CREATE INDEX contribution_round_idx ON contribution (round_id, theme_id, state);
CREATE INDEX contribution_author_idx ON contribution (author_id, updated_at DESC);
CREATE INDEX contribution_org_idx ON contribution (organisation_id);
CREATE INDEX contribution_search_idx ON contribution USING gin (search);

CREATE TABLE answer (
  contribution_id uuid NOT NULL REFERENCES contribution (id) ON DELETE CASCADE,
  question_id uuid NOT NULL REFERENCES question (id) ON DELETE CASCADE,
  text text NOT NULL DEFAULT '' CHECK (length(text) <= 20000),
  choices jsonb NOT NULL DEFAULT '[]',
  scale integer,
  PRIMARY KEY (contribution_id, question_id)
);

-- One consolidated response per round and gemeente (or other invited organisation).
CREATE TABLE gemeente_response (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  round_id uuid NOT NULL REFERENCES round (id) ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  state text NOT NULL DEFAULT 'drafting' CHECK (state IN ('drafting', 'submitted')),
  submitted_by uuid REFERENCES person (id) ON DELETE SET NULL,
  submitted_at timestamptz,
  reopened_reason text CHECK (length(reopened_reason) <= 2000),
  created_at timestamptz NOT NULL DEFAULT now(),
  last_activity_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (round_id, organisation_id)
);

-- Each answer carries its own version: a save names the version it started from, and a save from an
-- older version is a conflict shown to the person, never a silent overwrite.
CREATE TABLE response_answer (
  response_id uuid NOT NULL REFERENCES gemeente_response (id) ON DELETE CASCADE,
  question_id uuid NOT NULL REFERENCES question (id) ON DELETE CASCADE,
  text text NOT NULL DEFAULT '' CHECK (length(text) <= 20000),
  choices jsonb NOT NULL DEFAULT '[]',
  scale integer,
  version integer NOT NULL DEFAULT 1,
  updated_by uuid REFERENCES person (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (response_id, question_id)
);

-- Who has a response open right now (a heartbeat every few seconds), shown to the others.
CREATE TABLE response_presence (
  response_id uuid NOT NULL REFERENCES gemeente_response (id) ON DELETE CASCADE,
  person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  seen_at timestamptz NOT NULL,
  PRIMARY KEY (response_id, person_id)
);

-- Which invitation and reminder mails a round has sent to whom, so none goes twice.
CREATE TABLE round_notice (
  round_id uuid NOT NULL REFERENCES round (id) ON DELETE CASCADE,
  person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('opened', 'reminder')),
  sent_at timestamptz NOT NULL,
  PRIMARY KEY (round_id, person_id, kind)
);
