// Reading the answers of a form whose fields are named per question (text:<id>, choices:<id>,
// scale:<id>), and checking the required ones, with each error keyed to its question's field id.
import type { AnswerInput, Question } from '@inbreng/shared';
import { m } from '#lib/paraglide/messages.js';

export function readAnswers(formData: FormData, questions: readonly Question[]) {
  const values: Record<string, string> = {};
  const lists: Record<string, string[]> = {};
  const answers: AnswerInput[] = questions.map((q) => {
    const text = formData.get(`text:${q.id}`);
    const choices = formData
      .getAll(`choices:${q.id}`)
      .filter((c): c is string => typeof c === 'string' && q.options.includes(c));
    const scale = Number(formData.get(`scale:${q.id}`));
    const answer = {
      questionId: q.id,
      text: typeof text === 'string' ? text.replace(/\r\n/g, '\n') : '',
      choices: q.kind === 'single' ? choices.slice(0, 1) : choices,
      scale: q.kind === 'scale' && Number.isInteger(scale) && scale >= 1 && scale <= 5 ? scale : null,
    };
    values[`text:${q.id}`] = answer.text;
    values[`scale:${q.id}`] = answer.scale === null ? '' : String(answer.scale);
    lists[`choices:${q.id}`] = answer.choices;
    return answer;
  });
  return { answers, values, lists };
}

export const isAnswered = (a: AnswerInput) =>
  a.text.trim() !== '' || a.choices.length > 0 || a.scale !== null;

/** The required questions left open, as errors at their fields (`q-<id>`). */
export function missingAnswers(questions: readonly Question[], answers: readonly AnswerInput[]) {
  const errors: Record<string, string> = {};
  for (const q of questions) {
    const answer = answers.find((a) => a.questionId === q.id);
    if (q.required && (!answer || !isAnswered(answer))) {
      errors[`q-${q.id}`] =
        q.kind === 'open' || q.kind === 'addition' ? m.answer_required_text() : m.answer_required_choice();
    }
  }
  return errors;
}
