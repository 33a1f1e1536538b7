// The contribution form's server side, shared by the theme form and "change my input": reading what
// was filled in against the questions, and a fresh client key for a new contribution.
import { randomBytes } from 'node:crypto';
import { ContributionEdit, ContributionSave, type Question } from '@inbreng/shared';
import { m } from '#lib/paraglide/messages.js';
import { isAnswered, missingAnswers, readAnswers } from './answers.ts';
import { check, readValues } from './forms.ts';

/** A random key that makes every retry of one submit the same contribution (the API's unique index). */
export const newClientKey = () => randomBytes(18).toString('base64url');

type Read<T> = {
  values: Record<string, string>;
  lists: Record<string, string[]>;
  data: T | undefined;
  errors: Record<string, string>;
};

/** A new contribution (draft or submit) for this round and theme, under the form's client key. */
export async function readNewContribution(
  request: Request,
  context: { roundId: string; themeId: string; questions: readonly Question[] },
  { submitting }: { submitting: boolean },
): Promise<Read<ContributionSave>> {
  const formData = await request.formData();
  const clientKey = formData.get('clientKey');
  return readContribution(formData, context.questions, submitting, (fields) =>
    check(ContributionSave, {
      ...fields,
      clientKey: typeof clientKey === 'string' ? clientKey : '',
      roundId: context.roundId,
      themeId: context.themeId,
    }),
  );
}

/** Changes to a contribution already given: every required question still answered. */
export async function readContributionEdit(
  request: Request,
  questions: readonly Question[],
): Promise<Read<ContributionEdit>> {
  return readContribution(await request.formData(), questions, true, (fields) =>
    check(ContributionEdit, fields),
  );
}

function readContribution<T>(
  formData: FormData,
  questions: readonly Question[],
  submitting: boolean,
  parse: (fields: {
    visibility: string | undefined;
    organisationId: string | null;
    answers: ReturnType<typeof readAnswers>['answers'];
  }) => { data?: T; errors?: Record<string, string> },
): Read<T> {
  const values = readValues(formData, ['clientKey', 'visibility', 'organisationId']);
  const read = readAnswers(formData, questions);
  const input = parse({
    visibility: values.visibility || undefined,
    organisationId: values.organisationId || null,
    answers: read.answers,
  });
  const errors: Record<string, string> = { ...(input.errors ?? {}) };
  if (submitting) {
    Object.assign(errors, missingAnswers(questions, read.answers));
    if (!read.answers.some(isAnswered) && Object.keys(errors).length === 0) {
      const first = questions[0];
      if (first) errors[`q-${first.id}`] = m.contribution_nothing();
    }
  }
  // "answers.2.text" → the field of the third question.
  for (const key of Object.keys(errors)) {
    const match = /^answers\.(\d+)/.exec(key);
    const question = match ? questions[Number(match[1])] : undefined;
    if (question) {
      errors[`q-${question.id}`] ??= errors[key]!;
      delete errors[key];
    }
  }
  return {
    values: { ...values, ...read.values },
    lists: read.lists,
    data: Object.keys(errors).length === 0 ? input.data : undefined,
    errors,
  };
}
