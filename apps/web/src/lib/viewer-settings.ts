import "server-only";
import { loadViewerSettings, type ViewerSettings } from "@strides/db";
import { cache } from "react";
import { db } from "./db";
import { getSessionUser } from "./session";

export type { ViewerSettings };

/** The signed-in viewer's language and time zone, read once per request; null when signed out. */
export const getViewerSettings = cache(async (): Promise<ViewerSettings | null> => {
  const user = await getSessionUser();
  if (!user) return null;
  return loadViewerSettings({ db, userId: user.id });
});
