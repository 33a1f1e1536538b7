// The round's state machine as data: the only way a round's state changes is a transition listed here.
import type { RoundState } from '@inbreng/shared';

export const roundTransitions: Record<RoundState, readonly RoundState[]> = {
  draft: ['open'],
  open: ['closed'],
  // A closed round can open again (with a reason), e.g. when the deadline was too tight.
  closed: ['open', 'reported'],
  reported: [],
};

export const transitionMessages: Record<RoundState, string> = {
  draft: 'Een ronde kan niet terug naar concept.',
  open: 'Alleen een concept of een gesloten ronde kan open.',
  closed: 'Alleen een open ronde kan sluiten.',
  reported: 'Alleen een gesloten ronde kan naar ‘verslag gedeeld’.',
};

export function canTransition(from: RoundState, to: RoundState): boolean {
  return roundTransitions[from].includes(to);
}
