"use client";
// On a signed-in learner's first visit (no settings yet): adopt the browser's time zone, then
// re-render so every time on the page is on their clock. Signed out: remember it in a cookie.
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { adoptTimeZoneAction } from "@/features/settings/actions";

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

export function BrowserTimeZone({ signedIn }: { signedIn: boolean }) {
  const router = useRouter();
  useEffect(() => {
    const tz = browserTimeZone();
    // biome-ignore lint/suspicious/noDocumentCookie: one plain cookie; the Cookie Store API is not in every browser
    document.cookie = `strides-tz=${tz}; path=/; max-age=31536000; samesite=lax`;
    if (!signedIn) return;
    void adoptTimeZoneAction(tz).then((r) => {
      if (r.ok && r.adopted) router.refresh();
    });
  }, [signedIn, router]);
  return null;
}
