// The text of a better-auth client error in the page's language (see auth-error-text.ts).
import { useTranslations } from "next-intl";
import { authErrorMessage, PASSWORD_LIMITS } from "./auth-error-text";

export function useAuthErrorText(): (error: {
  code?: string | undefined;
  message?: string | undefined;
  status?: number;
}) => string {
  const t = useTranslations("authErrors");
  return (error) => t(authErrorMessage(error), PASSWORD_LIMITS);
}
