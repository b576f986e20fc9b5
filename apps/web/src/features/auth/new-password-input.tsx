// A new password's field with the rule the server enforces said under it (and read with the field):
// sign-up, the invite page's sign-up, the password change and the reset pages.
import { useTranslations } from "next-intl";
import { PASSWORD_LIMITS } from "@/lib/auth-error-text";

export function NewPasswordInput({ id, name, label }: { id: string; name: string; label: string }) {
  const t = useTranslations("newPassword");
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type="password"
        autoComplete="new-password"
        minLength={PASSWORD_LIMITS.min}
        maxLength={PASSWORD_LIMITS.max}
        required
        aria-describedby={`${id}-rule`}
      />
      <p className="muted small" id={`${id}-rule`} data-testid="password-rule">
        {t("rule", PASSWORD_LIMITS)}
      </p>
    </>
  );
}
