// Dutch text clustering for the wall: pure TypeScript, no I/O. Filled in by the clustering work.
export const CLUSTERING_VERSION = '0.1.0';
