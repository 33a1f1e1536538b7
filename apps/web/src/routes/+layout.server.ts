import type { LayoutServerLoad } from './$types';

// The signed-in person (or null) for the header; hooks.server.ts read it once for this request.
export const load: LayoutServerLoad = ({ locals }) => ({ me: locals.me });
