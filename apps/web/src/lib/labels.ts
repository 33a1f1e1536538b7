// On-screen words for the contract's values that the shared package has no labels for.
import type {
  AudienceGroup,
  InvitationState,
  MailState,
  NotifyPreference,
  QuestionKind,
  ResponseState,
  RoundState,
  Visibility,
} from '@inbreng/shared';
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
  'round.opened': m.mail_kind_round_opened,
  'round.reminder': m.mail_kind_round_reminder,
  digest: m.mail_kind_digest,
  erasure: m.mail_kind_erasure,
  'response.reminder': m.mail_kind_response_reminder,
  'response.reopened': m.mail_kind_response_reopened,
  'comment.resolved': m.mail_kind_comment_resolved,
  'comment.digest': m.mail_kind_comment_digest,
  'section.feedback': m.mail_kind_section_feedback,
  'section.feedback_digest': m.mail_kind_section_feedback_digest,
  'advice.answered': m.mail_kind_advice_answered,
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

// The Dutch of these equals the shared package's labels (roundStateLabels, responseStateLabels,
// questionKindLabels, visibilityLabels); labels.test.ts keeps them the same. Here they also have English.
export const roundStateLabels: Record<RoundState, () => string> = {
  draft: m.round_state_draft,
  open: m.round_state_open,
  closed: m.round_state_closed,
  reported: m.round_state_reported,
};

export const responseStateLabels: Record<ResponseState, () => string> = {
  not_started: m.response_state_not_started,
  drafting: m.response_state_drafting,
  submitted: m.response_state_submitted,
};

export const questionKindLabels: Record<QuestionKind, () => string> = {
  open: m.question_kind_open,
  single: m.question_kind_single,
  multiple: m.question_kind_multiple,
  scale: m.question_kind_scale,
  addition: m.question_kind_addition,
};

export const visibilityLabels: Record<Visibility, () => string> = {
  name: m.visibility_name,
  organisation: m.visibility_organisation,
  anonymous: m.visibility_anonymous,
};

/** What each visibility means for who reads the input, under its radio button. */
export const visibilityDescriptions: Record<Visibility, () => string> = {
  name: m.visibility_name_description,
  organisation: m.visibility_organisation_description,
  anonymous: m.visibility_anonymous_description,
};

export const audienceGroupLabels: Record<AudienceGroup, () => string> = {
  medewerker: m.audience_medewerker,
  adviesraad_lid: m.audience_adviesraad_lid,
  gemeente_ambtenaar: m.audience_gemeente_ambtenaar,
  ketenpartner: m.audience_ketenpartner,
};

export const notifyLabels: Record<NotifyPreference, () => string> = {
  immediate: m.notify_immediate,
  daily: m.notify_daily,
  none: m.notify_none,
};

/** The words of a scale question's five points. */
export const scaleLabels: ReadonlyArray<() => string> = [
  m.scale_1,
  m.scale_2,
  m.scale_3,
  m.scale_4,
  m.scale_5,
];
