import type { Question } from '@inbreng/shared';
import { describe, expect, it } from 'vitest';
import { missingAnswers, readAnswers } from './answers.ts';

const question = (id: string, kind: Question['kind'], extra: Partial<Question> = {}): Question => ({
  id,
  themeId: '00000000-0000-4000-8000-000000000000',
  position: 1,
  kind,
  prompt: 'Vraag',
  help: '',
  options: [],
  required: false,
  ...extra,
});

const open = question('11111111-1111-4111-8111-111111111111', 'open', { required: true });
const single = question('22222222-2222-4222-8222-222222222222', 'single', { options: ['Ja', 'Nee'] });
const scale = question('33333333-3333-4333-8333-333333333333', 'scale', { required: true });

function form(entries: Array<[string, string]>) {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

describe('readAnswers', () => {
  it('reads each question by its own field names, keeping only choices the question offers', () => {
    const { answers } = readAnswers(
      form([
        [`text:${open.id}`, 'Meer tijd\r\nvoor de wijk'],
        [`choices:${single.id}`, 'Nee'],
        [`choices:${single.id}`, 'Misschien'],
        [`scale:${scale.id}`, '4'],
      ]),
      [open, single, scale],
    );
    expect(answers).toEqual([
      { questionId: open.id, text: 'Meer tijd\nvoor de wijk', choices: [], scale: null },
      { questionId: single.id, text: '', choices: ['Nee'], scale: null },
      { questionId: scale.id, text: '', choices: [], scale: 4 },
    ]);
  });

  it('ignores a point outside the scale', () => {
    const { answers } = readAnswers(form([[`scale:${scale.id}`, '9']]), [scale]);
    expect(answers[0]?.scale).toBeNull();
  });
});

describe('missingAnswers', () => {
  it('puts an error at each required question left open, keyed to its field', () => {
    const { answers } = readAnswers(form([[`text:${open.id}`, '   ']]), [open, single, scale]);
    expect(Object.keys(missingAnswers([open, single, scale], answers))).toEqual([
      `q-${open.id}`,
      `q-${scale.id}`,
    ]);
  });
});
