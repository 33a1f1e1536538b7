// Dutch text clustering for the wall: pure TypeScript, no I/O.
export type * from './types.ts';
export { clusterTexts } from './cluster.ts';
export { suggestPlacements } from './suggest.ts';
export const CLUSTERING_VERSION = '0.2.0';
