export { claimFirstAdmin } from "./claim-first-admin.ts";
export {
  clearSignInFailures,
  recordSignInFailure,
  SIGN_IN_THROTTLE,
  signInRetryAfter,
} from "./sign-in-throttle.ts";
