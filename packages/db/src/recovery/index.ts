export {
  type CreatedResetLink,
  createResetLink,
  createResetLinkFromCli,
} from "./create-reset-link.ts";
export { listPasswordResets, type PasswordResetAuditRow } from "./list-password-resets.ts";
export { recordMailedReset, recordMailedResetLink } from "./mail-resets.ts";
export {
  hashResetToken,
  RESET_LINK_MAX_TTL_HOURS,
  RESET_LINK_TTL_HOURS,
  resetLinkUrl,
} from "./reset-token.ts";
export {
  describeResetLink,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  type ResetLinkState,
  resetPasswordWithLink,
} from "./use-reset-link.ts";
