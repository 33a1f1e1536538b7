// Answers as forms show them: the error summary's label per question field, and an answer in words.
import type { Question } from '@inbreng/shared';
import { scaleLabels } from '#lib/labels.ts';
import { m } from '#lib/paraglide/messages.js';

/** The labels of the error summary: "Vraag 2" for the field `q-<id>`. */
export const answerLabels = (questions: readonly Question[]) =>
  Object.fromEntries(questions.map((q, i) => [`q-${q.id}`, m.question_number_label({ number: i + 1 })]));

/** What an answer says, whatever its kind: the text, the choices, or the point on the scale. */
export function answerText(answer: {
  text: string;
  choices: readonly string[];
  scale: number | null;
}): string {
  if (answer.scale !== null) return scaleLabels[answer.scale - 1]?.() ?? String(answer.scale);
  if (answer.choices.length > 0) return answer.choices.join(', ');
  return answer.text;
}
