export * from './errors.ts';
export * from './validation.ts';
export * from './pagination.ts';
export * from './health.ts';
export * from './plans.ts';
export * from './identity.ts';
export * from './rounds.ts';
export * from './wall.ts';
