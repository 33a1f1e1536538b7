-- Plans with their strategic goals, the themes (transformations) under each goal, and the
-- governance milestones at which the boards inform, discuss and adopt the plan.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE plan (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  organisation text NOT NULL,
  summary text NOT NULL DEFAULT '',
  strategy text NOT NULL DEFAULT '',
  period_start integer NOT NULL,
  period_end integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (period_end >= period_start)
);

CREATE TABLE goal (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
  position integer NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description text NOT NULL DEFAULT '',
  UNIQUE (plan_id, position)
);

CREATE TABLE theme (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  goal_id uuid NOT NULL REFERENCES goal (id) ON DELETE CASCADE,
  position integer NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description text NOT NULL DEFAULT '',
  UNIQUE (goal_id, position)
);

CREATE TABLE milestone (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
  body text NOT NULL CHECK (body IN ('AB', 'DB')),
  kind text NOT NULL CHECK (kind IN ('vergadering', 'themabijeenkomst')),
  date date NOT NULL,
  purpose text NOT NULL CHECK (purpose IN ('informeren', 'kennismaken', 'bespreken', 'doorgeleiden', 'vaststellen')),
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  UNIQUE (plan_id, body, date)
);
CREATE INDEX milestone_plan_date ON milestone (plan_id, date);
