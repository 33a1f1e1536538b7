import {
  questionKindLabels as sharedQuestionKinds,
  responseStateLabels as sharedResponseStates,
  roundStateLabels as sharedRoundStates,
  visibilityLabels as sharedVisibilities,
} from '@inbreng/shared';
import { describe, expect, it } from 'vitest';
import { questionKindLabels, responseStateLabels, roundStateLabels, visibilityLabels } from './labels.ts';

const dutch = (labels: Record<string, () => string>) =>
  Object.fromEntries(Object.entries(labels).map(([key, label]) => [key, label()]));

// The web app's labels have an English side too; in Dutch they must read exactly as the API's.
describe('labels in Dutch', () => {
  it('name round and response states as the shared contract does', () => {
    expect(dutch(roundStateLabels)).toEqual(sharedRoundStates);
    expect(dutch(responseStateLabels)).toEqual(sharedResponseStates);
  });

  it('name question kinds and visibilities as the shared contract does', () => {
    expect(dutch(questionKindLabels)).toEqual(sharedQuestionKinds);
    expect(dutch(visibilityLabels)).toEqual(sharedVisibilities);
  });
});
