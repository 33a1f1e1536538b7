-- The clustering wall: every submitted contribution is a card; the programme team sorts cards into
-- clusters together, the machine proposes clusters and placements, and every action is an event that
-- the person who did it can undo. Person ids are SET NULL on delete, so erasing a person keeps the wall.

CREATE TABLE wall (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
  -- NULL: the wall of the whole plan.
  theme_id uuid REFERENCES theme (id) ON DELETE CASCADE,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  -- Bumped by every action (under the row lock it takes), so a live page can tell it missed one.
  seq integer NOT NULL DEFAULT 0,
  created_by uuid REFERENCES person (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- One wall per scope: creating it twice returns the first.
CREATE UNIQUE INDEX wall_scope_key
  ON wall (plan_id, coalesce(theme_id, '00000000-0000-0000-0000-000000000000'::uuid));

CREATE TABLE wall_cluster (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  wall_id uuid NOT NULL REFERENCES wall (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
  position double precision NOT NULL DEFAULT 0,
  origin text NOT NULL DEFAULT 'person' CHECK (origin IN ('person', 'suggestion')),
  terms jsonb NOT NULL DEFAULT '[]',
  created_by uuid REFERENCES person (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- Soft delete: dissolving (or undoing a creation) keeps the row, so undo can bring it back.
  dissolved_at timestamptz
);
CREATE INDEX wall_cluster_wall_idx ON wall_cluster (wall_id, position) WHERE dissolved_at IS NULL;

CREATE TABLE wall_card (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  wall_id uuid NOT NULL REFERENCES wall (id) ON DELETE CASCADE,
  contribution_id uuid NOT NULL REFERENCES contribution (id) ON DELETE CASCADE,
  -- A fragment: the card it was cut from, and its text (a slice of the source's text).
  source_card_id uuid REFERENCES wall_card (id) ON DELETE CASCADE,
  fragment text CHECK (length(fragment) <= 20000),
  fragment_start integer,
  fragment_end integer,
  cluster_id uuid REFERENCES wall_cluster (id) ON DELETE SET NULL,
  position double precision NOT NULL DEFAULT 0,
  tags text[] NOT NULL DEFAULT '{}',
  duplicate_of uuid REFERENCES wall_card (id) ON DELETE SET NULL,
  -- Optimistic concurrency: every change bumps it; a move names the version it saw.
  version integer NOT NULL DEFAULT 1,
  placed_by uuid REFERENCES person (id) ON DELETE SET NULL,
  placed_at timestamptz,
  placed_how text CHECK (placed_how IN ('person', 'proposal')),
  created_at timestamptz NOT NULL DEFAULT now(),
  -- Soft delete for fragments whose cutting was undone (redo brings the same card back).
  removed_at timestamptz,
  CHECK ((source_card_id IS NULL) = (fragment IS NULL)),
  CHECK (duplicate_of IS DISTINCT FROM id)
);
CREATE UNIQUE INDEX wall_card_contribution_key ON wall_card (wall_id, contribution_id) WHERE source_card_id IS NULL;
CREATE INDEX wall_card_cluster_idx ON wall_card (wall_id, cluster_id, position) WHERE removed_at IS NULL;
CREATE INDEX wall_card_source_idx ON wall_card (source_card_id) WHERE source_card_id IS NOT NULL;
CREATE INDEX wall_card_tags_idx ON wall_card USING gin (tags);

CREATE TABLE wall_run (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  wall_id uuid NOT NULL REFERENCES wall (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('cluster', 'suggest')),
  state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
  progress real NOT NULL DEFAULT 0,
  stage text NOT NULL DEFAULT '',
  k integer,
  seed integer NOT NULL DEFAULT 1,
  error text,
  summary jsonb,
  requested_by uuid REFERENCES person (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz
);
-- One open run per wall: a second request gets the running one.
CREATE UNIQUE INDEX wall_run_open_key ON wall_run (wall_id) WHERE state IN ('queued', 'running');
CREATE INDEX wall_run_wall_idx ON wall_run (wall_id, created_at DESC);

CREATE TABLE wall_proposal (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  wall_id uuid NOT NULL REFERENCES wall (id) ON DELETE CASCADE,
  run_id uuid NOT NULL REFERENCES wall_run (id) ON DELETE CASCADE,
  -- An existing cluster the cards would join, or NULL for a new cluster named `name`.
  cluster_id uuid REFERENCES wall_cluster (id) ON DELETE CASCADE,
  -- The cluster made when a new-cluster proposal was accepted (again cleared when that is undone).
  created_cluster_id uuid REFERENCES wall_cluster (id) ON DELETE SET NULL,
  name text NOT NULL,
  terms jsonb NOT NULL DEFAULT '[]',
  position integer NOT NULL DEFAULT 0,
  state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'accepted', 'rejected', 'partly'))
);
CREATE INDEX wall_proposal_wall_idx ON wall_proposal (wall_id, state);

CREATE TABLE wall_proposal_card (
  proposal_id uuid NOT NULL REFERENCES wall_proposal (id) ON DELETE CASCADE,
  card_id uuid NOT NULL REFERENCES wall_card (id) ON DELETE CASCADE,
  score real NOT NULL,
  state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'accepted', 'rejected', 'skipped')),
  representative boolean NOT NULL DEFAULT false,
  PRIMARY KEY (proposal_id, card_id)
);
CREATE INDEX wall_proposal_card_card_idx ON wall_proposal_card (card_id) WHERE state = 'open';

-- The log: one row per action, with the changes before and after, so undo can reverse it.
CREATE TABLE wall_event (
  id bigserial PRIMARY KEY,
  wall_id uuid NOT NULL REFERENCES wall (id) ON DELETE CASCADE,
  seq integer NOT NULL,
  person_id uuid REFERENCES person (id) ON DELETE SET NULL,
  type text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}',
  card_ids uuid[] NOT NULL DEFAULT '{}',
  cluster_ids uuid[] NOT NULL DEFAULT '{}',
  -- For undo and redo: the event they act on.
  target_id bigint REFERENCES wall_event (id) ON DELETE CASCADE,
  undone_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX wall_event_wall_idx ON wall_event (wall_id, id DESC);
CREATE INDEX wall_event_person_idx ON wall_event (wall_id, person_id, id DESC);
CREATE INDEX wall_event_cards_idx ON wall_event USING gin (card_ids);

CREATE TABLE wall_presence (
  wall_id uuid NOT NULL REFERENCES wall (id) ON DELETE CASCADE,
  person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  seen_at timestamptz NOT NULL,
  PRIMARY KEY (wall_id, person_id)
);
