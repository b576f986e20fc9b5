import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/features/auth/actions";
import { ClearOfflineDataForm } from "@/features/offline/clear-on-sign-out";

/**
 * A plain form post: works without JavaScript and keeps the auth client out of every page. With
 * JavaScript, the device's offline review data and caches are cleared first.
 */
export async function SignOutButton() {
  const t = await getTranslations("nav");
  return (
    <ClearOfflineDataForm action={signOutAction}>
      <button type="submit">{t("signOut")}</button>
    </ClearOfflineDataForm>
  );
}
