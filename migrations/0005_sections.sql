-- Draft sections of the plan (one per goal and outline slot), their revisions, the clusters behind
-- them, who may comment besides the councils, and comments anchored to passages of the text.
-- Person ids are SET NULL on delete, so erasing a person keeps the sections and what was said.

CREATE TABLE section (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
  goal_id uuid NOT NULL REFERENCES goal (id) ON DELETE CASCADE,
  slot text NOT NULL CHECK (slot IN ('horizon', 'steps', 'roles', 'actions')),
  state text NOT NULL DEFAULT 'concept'
    CHECK (state IN ('concept', 'in_consultatie', 'herzien', 'vastgesteld')),
  -- The number of the current revision; a save names the one it started from (409 when stale).
  revision integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES person (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (goal_id, slot)
);
CREATE INDEX section_plan_idx ON section (plan_id);

-- Every save that changes the text; blocks are [{id, kind, text, links}] with ids stable across revisions.
CREATE TABLE section_revision (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  section_id uuid NOT NULL REFERENCES section (id) ON DELETE CASCADE,
  number integer NOT NULL CHECK (number >= 1),
  blocks jsonb NOT NULL,
  author_id uuid REFERENCES person (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (section_id, number)
);

-- Each change of state, tied to a milestone of the plan (e.g. DB 15 oktober).
CREATE TABLE section_transition (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  section_id uuid NOT NULL REFERENCES section (id) ON DELETE CASCADE,
  from_state text NOT NULL,
  to_state text NOT NULL,
  milestone_id uuid REFERENCES milestone (id) ON DELETE SET NULL,
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
  person_id uuid REFERENCES person (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX section_transition_section_idx ON section_transition (section_id, created_at);

CREATE TABLE section_cluster (
  section_id uuid NOT NULL REFERENCES section (id) ON DELETE CASCADE,
  cluster_id uuid NOT NULL REFERENCES wall_cluster (id) ON DELETE CASCADE,
  PRIMARY KEY (section_id, cluster_id)
);
CREATE INDEX section_cluster_cluster_idx ON section_cluster (cluster_id);

-- Admitted to comment besides the councils: a whole organisation or one person.
CREATE TABLE section_commenter (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  section_id uuid NOT NULL REFERENCES section (id) ON DELETE CASCADE,
  organisation_id uuid REFERENCES organisation (id) ON DELETE CASCADE,
  person_id uuid REFERENCES person (id) ON DELETE CASCADE,
  CHECK ((organisation_id IS NULL) <> (person_id IS NULL))
);
CREATE UNIQUE INDEX section_commenter_key
  ON section_commenter (section_id, coalesce(organisation_id, person_id));

-- A thread starts with a comment anchored to a passage (replies have a parent and no anchor). The
-- original anchor never changes; after every new revision the latest found anchor and its status
-- are stored, so a comment is never lost: when its passage is gone it shows as "tekst gewijzigd".
CREATE TABLE section_comment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  section_id uuid NOT NULL REFERENCES section (id) ON DELETE CASCADE,
  parent_id uuid REFERENCES section_comment (id) ON DELETE CASCADE,
  author_id uuid REFERENCES person (id) ON DELETE SET NULL,
  -- The council or admitted organisation the author spoke for (NULL: the programme team or a person).
  organisation_id uuid REFERENCES organisation (id) ON DELETE SET NULL,
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
  revision_id uuid REFERENCES section_revision (id) ON DELETE SET NULL,
  anchor jsonb,
  current_anchor jsonb,
  anchor_status text CHECK (anchor_status IN ('exact', 'moved', 'fuzzy', 'orphaned')),
  anchor_revision integer,
  state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'resolved')),
  resolution text CHECK (resolution IN ('verwerkt', 'niet_overgenomen', 'beantwoord')),
  resolution_text text NOT NULL DEFAULT '' CHECK (length(resolution_text) <= 5000),
  resolved_section_id uuid REFERENCES section (id) ON DELETE SET NULL,
  resolved_revision_id uuid REFERENCES section_revision (id) ON DELETE SET NULL,
  resolved_by uuid REFERENCES person (id) ON DELETE SET NULL,
  resolved_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((parent_id IS NULL) = (anchor IS NOT NULL)),
  CHECK ((state = 'resolved') = (resolution IS NOT NULL))
);
CREATE INDEX section_comment_section_idx ON section_comment (section_id, created_at) WHERE parent_id IS NULL;
CREATE INDEX section_comment_parent_idx ON section_comment (parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX section_comment_author_idx ON section_comment (author_id);
