"use client";
// The review screen's offline side: the transport hook (online/offline events, retries) and the
// "offline — N reviews waiting" indicator with the reviews the server refused.
import "./offline.css";
import { useTranslations } from "next-intl";
import { useEffect, useState, useSyncExternalStore } from "react";
import type { TReviewStep } from "@/features/review/schema";
import { ReviewTransport, type TransportState } from "./review-transport";

const RETRY_MS = 30_000;
const IDLE: TransportState = { offline: false, waiting: 0, syncing: false, refused: [] };

/** One transport for the session: starts it, follows the connection and retries what waits. */
export function useReviewTransport(
  viewer: string,
  deck: string | null,
  onStep: (step: TReviewStep) => void,
): ReviewTransport {
  const [transport] = useState(() => new ReviewTransport(viewer, deck, onStep));
  useEffect(() => {
    if (typeof indexedDB === "undefined") return;
    void transport.start().catch(() => undefined);
    const back = () => void transport.reconnect().catch(() => undefined);
    const gone = () => transport.wentOffline();
    window.addEventListener("online", back);
    window.addEventListener("offline", gone);
    const timer = window.setInterval(() => {
      if (navigator.onLine && transport.snapshot().waiting > 0) back();
    }, RETRY_MS);
    return () => {
      window.removeEventListener("online", back);
      window.removeEventListener("offline", gone);
      window.clearInterval(timer);
    };
  }, [transport]);
  return transport;
}

export function OfflineStatus({ transport }: { transport: ReviewTransport }) {
  const t = useTranslations("offline");
  const tErrors = useTranslations("errors");
  const s = useSyncExternalStore(transport.subscribe, transport.snapshot, () => IDLE);
  return (
    <>
      {s.offline || s.waiting > 0 ? (
        <p className="offline-status" role="status" data-testid="offline-status">
          {s.offline
            ? t("waiting", { count: s.waiting })
            : s.syncing
              ? t("sending", { count: s.waiting })
              : t("queued", { count: s.waiting })}
        </p>
      ) : null}
      {s.refused.length > 0 ? (
        <section className="offline-refused" role="alert" data-testid="offline-refused">
          <p>{t("refused", { count: s.refused.length })}</p>
          <ul>
            {s.refused.map((r) => (
              <li key={r.requestId}>
                {r.reason?.key && tErrors.has(r.reason.key)
                  ? tErrors(r.reason.key, r.reason.params ?? {})
                  : (r.reason?.message ?? "")}
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => void transport.dismissRefused()}>
            {t("dismiss")}
          </button>
        </section>
      ) : null}
    </>
  );
}
