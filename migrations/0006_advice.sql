-- The councils' formal advice on the plan (one per council and milestone), its numbered points with
-- the programme team's response to each ("u adviseerde — wij hebben — daarom"), and an optional
-- attachment. Person ids are SET NULL on delete, so erasing a person keeps the advice and the answers.

CREATE TABLE advice (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
  -- The council (an organisation of type adviesraad) that gives the advice.
  organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  milestone_id uuid NOT NULL REFERENCES milestone (id),
  summary text NOT NULL DEFAULT '' CHECK (length(summary) <= 20000),
  submitted_by uuid REFERENCES person (id) ON DELETE SET NULL,
  submitted_at timestamptz NOT NULL DEFAULT now(),
  -- Set once the team has answered every point (the council is told then, once).
  completed_at timestamptz,
  UNIQUE (plan_id, organisation_id, milestone_id)
);
CREATE INDEX advice_plan_idx ON advice (plan_id, submitted_at);

CREATE TABLE advice_point (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  advice_id uuid NOT NULL REFERENCES advice (id) ON DELETE CASCADE,
  number integer NOT NULL CHECK (number >= 1),
  text text NOT NULL CHECK (length(text) BETWEEN 1 AND 5000),
  taken text CHECK (taken IN ('overgenomen', 'deels', 'niet')),
  what text NOT NULL DEFAULT '' CHECK (length(what) <= 5000),
  why text NOT NULL DEFAULT '' CHECK (length(why) <= 5000),
  responded_by uuid REFERENCES person (id) ON DELETE SET NULL,
  responded_at timestamptz,
  UNIQUE (advice_id, number),
  CHECK ((taken IS NULL) = (responded_at IS NULL))
);

-- The file as given: type sniffed from its bytes, name cleaned; the bytes in the database, or in a
-- configured directory under a name of our own (never the name the council gave).
CREATE TABLE advice_attachment (
  advice_id uuid PRIMARY KEY REFERENCES advice (id) ON DELETE CASCADE,
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  kind text NOT NULL CHECK (kind IN ('pdf', 'docx')),
  size integer NOT NULL CHECK (size > 0),
  sha256 text NOT NULL,
  data bytea,
  storage_key text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((data IS NULL) <> (storage_key IS NULL))
);
