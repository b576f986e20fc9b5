import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/features/auth/actions";

/** A plain form post: works without JavaScript and keeps the auth client out of every page. */
export async function SignOutButton() {
  const t = await getTranslations("nav");
  return (
    <form action={signOutAction}>
      <button type="submit">{t("signOut")}</button>
    </form>
  );
}
