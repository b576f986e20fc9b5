import "pretendard/dist/web/variable/pretendardvariable-dynamic-subset.css";
import "./globals.css";
import "@/components/plots.css";
import "@/features/review/review.css";
import "./experience.css";
import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { BrowserTimeZone } from "@/components/browser-time-zone";
import { SignOutButton } from "@/components/sign-out-button";
import { RegisterServiceWorker } from "@/features/offline/register-service-worker";
import { getSessionUser } from "@/lib/session";
import { getViewerSettings } from "@/lib/viewer-settings";

export const metadata: Metadata = {
  title: "Strides",
  description: "Spaced-repetition flashcards and computed exercises for deep learning",
  manifest: "/manifest.webmanifest",
  icons: { icon: "/icons/icon.svg", apple: "/icons/icon-192.png" },
  appleWebApp: { capable: true, title: "Strides", statusBarStyle: "default" },
};

/** Browser chrome in the page's colours (globals.css --bg), light and dark. */
export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fbfbfa" },
    { media: "(prefers-color-scheme: dark)", color: "#15161a" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("nav");
  const user = await getSessionUser();
  const jar = await cookies();
  const theme = jar.get("strides-theme")?.value;
  const viewer = await getViewerSettings();
  // First visit (or sign-up elsewhere): take the browser's time zone once.
  const needsTimeZone = user ? viewer?.saved === false : !jar.has("strides-tz");
  const dataTheme = theme === "light" || theme === "dark" ? theme : undefined;
  return (
    <html lang={locale} data-theme={dataTheme}>
      <body>
        <NextIntlClientProvider>
          <header className="site">
            <Link href="/" className="brand">
              Strides
            </Link>
            <nav aria-label="main">
              {user ? (
                <>
                  <Link href="/">{t("home")}</Link>
                  <Link href="/review">{t("review")}</Link>
                  <Link href="/cards">{t("browse")}</Link>
                  <Link href="/stats">{t("stats")}</Link>
                  <Link href="/groups">{t("groups")}</Link>
                  <Link href="/decks">{t("decks")}</Link>
                  {(user as { role?: string }).role === "admin" ? (
                    <Link href="/admin">{t("admin")}</Link>
                  ) : null}
                  <Link href="/settings">{t("settings")}</Link>
                  <SignOutButton />
                </>
              ) : (
                <Link href="/sign-in">{t("signIn")}</Link>
              )}
            </nav>
          </header>
          <main>{children}</main>
          <RegisterServiceWorker />
          {needsTimeZone ? <BrowserTimeZone signedIn={user !== null} /> : null}
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
