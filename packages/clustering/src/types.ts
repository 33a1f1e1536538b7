// The public shape of the clustering package: what the wall, the CLI and the bench rely on.

export type TextItem = { id: string; text: string };

/** A topic the plan already names (a theme with its description): a seed the clusters may start from. */
export type SeedTopic = { name: string; text: string };

export type ClusterOptions = {
  /** A fixed number of clusters; chosen automatically when absent. */
  k?: number;
  /** Same seed, same input → same result. Default 1. */
  seed?: number;
  /** The plan's themes and descriptions, used as seeds where they help. */
  seeds?: SeedTopic[];
  /** Called now and then with a fraction 0…1 and a Dutch stage name ("Teksten voorbereiden", …). */
  onProgress?: (fraction: number, stage: string) => void;
};

export type ClusterTerm = { term: string; weight: number };

export type Cluster = {
  /** 0 … k-1, in the order of the result. */
  index: number;
  /** Two to four real Dutch words (surface forms, not stems), e.g. "Wachttijden ambulance platteland". */
  label: string;
  /** The explanation: the terms behind the cluster with their class-based weights (c-TF-IDF). */
  terms: ClusterTerm[];
  /** The three members that show the cluster best. */
  quotes: TextItem[];
  /** Every member with a score 0…1 (how well it fits), best first. */
  members: Array<{ id: string; score: number }>;
};

export type ClusterResult = {
  k: number;
  clusters: Cluster[];
  /** One per input item, in input order. */
  assignments: Array<{ id: string; cluster: number; score: number }>;
  /** Groups of near-duplicate items (ids), each of two or more. */
  duplicates: string[][];
  /** How it was done: the method, and the candidates for k with their scores when k was chosen. */
  explanation: { method: string; kCandidates: Array<{ k: number; score: number }> };
};

/** A card the team placed by hand, with the cluster (any string id) it went into. */
export type Placement = TextItem & { cluster: string };

export type Suggestion = {
  id: string;
  /** The cluster id (from the placements) it most likely belongs to. */
  cluster: string;
  /** 0 … 1: how sure. */
  confidence: number;
  /** The terms that tipped it, to explain the suggestion. */
  terms: string[];
};

export type SuggestOptions = {
  /** Leave out suggestions below this confidence. Default 0. */
  minConfidence?: number;
  onProgress?: (fraction: number, stage: string) => void;
};
