// On-screen words for the contract's values that the shared package has no labels for.
import type { InvitationState, MailState } from '@inbreng/shared';
import { m } from '#lib/paraglide/messages.js';

export const mailStateLabels: Record<MailState, () => string> = {
  queued: m.mail_state_queued,
  outbox: m.mail_state_outbox,
  sent: m.mail_state_sent,
  failed: m.mail_state_failed,
};

const mailKinds: Record<string, () => string> = {
  sign_in: m.mail_kind_sign_in,
  invitation: m.mail_kind_invitation,
};
export const mailKindLabel = (kind: string) => mailKinds[kind]?.() ?? kind;

export const invitationStateLabels: Record<InvitationState, () => string> = {
  open: m.invitation_state_open,
  accepted: m.invitation_state_accepted,
  revoked: m.invitation_state_revoked,
  expired: m.invitation_state_expired,
};

export const privacyStateLabels: Record<'requested' | 'done' | 'rejected', () => string> = {
  requested: m.privacy_state_requested,
  done: m.privacy_state_done,
  rejected: m.privacy_state_rejected,
};
