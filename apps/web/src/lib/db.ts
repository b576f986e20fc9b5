import "server-only";
import { getDb } from "@strides/db";

/** The process-wide database handle (opened once). */
export const dbHandle = await getDb();
export const db = dbHandle.db;
