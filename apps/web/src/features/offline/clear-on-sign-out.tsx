"use client";
// Wraps the sign-out form: the device's offline data (IndexedDB window and queue) and the service
// worker's caches are deleted before the form is sent.
import { type ReactNode, useRef } from "react";
import { clearOfflineData } from "./offline-store-lazy";

export function ClearOfflineDataForm({
  action,
  children,
}: {
  action: () => Promise<void>;
  children: ReactNode;
}) {
  const cleared = useRef(false);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (cleared.current) return;
        e.preventDefault();
        const form = e.currentTarget;
        void clearOfflineData()
          .catch(() => undefined)
          .finally(() => {
            cleared.current = true;
            form.requestSubmit();
          });
      }}
    >
      {children}
    </form>
  );
}
