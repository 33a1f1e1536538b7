// What a form action answers, the same for every form, so one ErrorSummary and one set of fields
// can show it. `form` names the form when a page has several.
import type { SubmitFunction } from '$app/forms';

export type FormFeedback = {
  form: string;
  values?: Record<string, string>;
  /** What was ticked in groups of checkboxes, by field name. */
  lists?: Record<string, string[]>;
  errors?: Record<string, string>;
  /** The failure in one sentence (from the API), shown above the list of field errors. */
  message?: string;
  /** What succeeded, for the status message. */
  done?: string;
};

/** The action's answer when it came from this form; undefined otherwise. */
export function feedbackFor(form: unknown, name: string): FormFeedback | undefined {
  if (form && typeof form === 'object' && 'form' in form && form.form === name) return form as FormFeedback;
  return undefined;
}

/**
 * use:enhance for the forms that sign someone in: the redirect afterwards is a full page load, since
 * the whole page (its language too, from the profile) now belongs to another person.
 */
export const fullLoadAfterSignIn: SubmitFunction =
  () =>
  async ({ result, update }) => {
    if (result.type === 'redirect') window.location.assign(result.location);
    else await update();
  };
