// Fitting a form's answers to its questions: what a draft may hold, what a submit needs, and the
// plain text (`body`) that full-text search reads.
import type { AnswerInput, Question } from '@inbreng/shared';
import { AppError } from '../../errors.ts';
import type { AnswerWrite } from './contributions.queries.ts';

const hasContent = (a: AnswerWrite) => a.text.trim() !== '' || a.choices.length > 0 || a.scale !== null;

function problemWith(question: Question | undefined, answer: AnswerInput): string | undefined {
  if (!question) return 'Deze vraag hoort niet bij dit formulier.';
  const choosing = question.kind === 'single' || question.kind === 'multiple';
  if (!choosing && answer.choices.length > 0) return 'Bij deze vraag hoort geen keuze.';
  if (answer.choices.some((c) => !question.options.includes(c)))
    return 'Kies uit de mogelijkheden die bij de vraag staan.';
  if (question.kind === 'single' && new Set(answer.choices).size > 1) return 'Kies één mogelijkheid.';
  if (question.kind !== 'scale' && answer.scale !== null) return 'Bij deze vraag hoort geen schaal.';
  return undefined;
}

/**
 * The answers worth keeping (those with content), in the order of the questions. Throws a 400 with a
 * Dutch message per question (`answers.<questionId>`); `submit` also demands the required questions
 * and at least one answer.
 */
export function fitAnswers(questions: Question[], answers: AnswerInput[], submit: boolean): AnswerWrite[] {
  const fields: Record<string, string> = {};
  const byQuestion = new Map<string, AnswerWrite>();
  for (const answer of answers) {
    const key = `answers.${answer.questionId}`;
    const problem = byQuestion.has(answer.questionId)
      ? 'Deze vraag is twee keer beantwoord.'
      : problemWith(
          questions.find((q) => q.id === answer.questionId),
          answer,
        );
    if (problem) fields[key] ??= problem;
    byQuestion.set(answer.questionId, {
      questionId: answer.questionId,
      text: answer.text,
      choices: [...new Set(answer.choices)],
      scale: answer.scale,
    });
  }
  const kept = questions.flatMap((q) => {
    const answer = byQuestion.get(q.id);
    return answer && hasContent(answer) ? [answer] : [];
  });
  if (submit) {
    for (const q of questions) {
      if (q.required && !kept.some((a) => a.questionId === q.id))
        fields[`answers.${q.id}`] ??= 'Deze vraag is verplicht. Vul hier uw antwoord in.';
    }
    if (kept.length === 0 && Object.keys(fields).length === 0)
      fields.answers = 'Vul minstens één vraag in voordat u uw inbreng indient.';
  }
  if (Object.keys(fields).length > 0) throw new AppError('VALIDATION', undefined, fields);
  return kept;
}

/**
 * All answer texts and chosen options, joined by blank lines: what was written, never who wrote it, so
 * searching it cannot find a contribution by its author's name.
 */
export function bodyOf(answers: AnswerWrite[]): string {
  return answers
    .flatMap((a) => [a.text.trim(), a.choices.join(', ')])
    .filter((part) => part !== '')
    .join('\n\n');
}
