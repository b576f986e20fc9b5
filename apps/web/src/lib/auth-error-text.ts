// better-auth answers sign-up, sign-in and password changes with an English message and a stable
// code. The forms show the code's text in the page's language (messages: authErrors.*), so a Korean
// learner joining through an invite reads "이미 가입된 이메일입니다", not "User already exists.".

/** better-auth's error codes that a learner can meet, and our message id for each. */
const AUTH_ERROR_MESSAGES = {
  USER_ALREADY_EXISTS: "emailTaken",
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: "emailTaken",
  INVALID_EMAIL: "invalidEmail",
  INVALID_EMAIL_FORMAT: "invalidEmail",
  INVALID_EMAIL_OR_PASSWORD: "wrongCredentials",
  INVALID_PASSWORD: "wrongPassword",
  CREDENTIAL_ACCOUNT_NOT_FOUND: "wrongCredentials",
  PASSWORD_TOO_SHORT: "passwordTooShort",
  PASSWORD_TOO_LONG: "passwordTooLong",
  INVALID_TOKEN: "linkInvalid",
  FAILED_TO_CREATE_USER: "failed",
  // Our own (auth-config.ts, checkUserFields).
  NAME_REQUIRED: "nameInvalid",
  NAME_INVALID: "nameInvalid",
  NAME_TOO_LONG: "nameTooLong",
} as const;

export type AuthErrorMessage =
  | (typeof AUTH_ERROR_MESSAGES)[keyof typeof AUTH_ERROR_MESSAGES]
  | "tooMany"
  | "failed";

/** Every message id the forms may show (the message files must hold each one, in both languages). */
export const AUTH_ERROR_MESSAGE_IDS: readonly AuthErrorMessage[] = [
  ...new Set<AuthErrorMessage>([...Object.values(AUTH_ERROR_MESSAGES), "tooMany", "failed"]),
];

/** The message id for a better-auth client error (`{ code, status }`); unknown codes are "failed". */
export function authErrorMessage(error: {
  code?: string | undefined;
  message?: string | undefined;
  status?: number;
}): AuthErrorMessage {
  if (error.status === 429) return "tooMany";
  // The request's own schema: "[body.email] Invalid email address".
  if (error.code === "VALIDATION_ERROR" && error.message?.includes("body.email"))
    return "invalidEmail";
  const code = error.code as keyof typeof AUTH_ERROR_MESSAGES | undefined;
  return (code && AUTH_ERROR_MESSAGES[code]) || "failed";
}

/**
 * Sent by the invite page's sign-up, with the invite's token: the new account joins that group in
 * the same request, as an account the group manages (its staff may reset its password), and never
 * claims the instance's admin role.
 */
export const SIGN_UP_FROM_INVITE_HEADER = "x-strides-sign-up-from-invite";

/** Password limits the server enforces (auth-config.ts), shown in the length messages. */
export const PASSWORD_LIMITS = { min: 8, max: 128 } as const;
