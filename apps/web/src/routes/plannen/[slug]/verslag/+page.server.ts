import { ConsultationReportView } from '@inbreng/shared';
import { transport } from '#lib/server/api.ts';
import { pageError } from '#lib/server/errors.ts';
import { requireMe } from '#lib/server/guard.ts';
import type { PageServerLoad } from './$types';

// The consultation report of a plan, for the programme team: the API answers 403 to anyone else,
// which becomes the usual error page.
export const load: PageServerLoad = async (event) => {
  requireMe(event.locals, event.url);
  try {
    const report = await transport(event).get(
      `/api/plans/${encodeURIComponent(event.params.slug)}/report`,
      ConsultationReportView,
    );
    return { report };
  } catch (cause) {
    pageError(cause);
  }
};
