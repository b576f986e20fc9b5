// The one rule for a list shown a page at a time (issue 18: a page whose cost grows with a school
// must be served by a bounded query): pages count from 1, there is always at least one page, a page
// past the last shows the last, and a page holds at most MAX_PAGE_SIZE rows. The domain functions
// read a page with LIMIT/OFFSET and a total count (`readPage`, or `readCountedPage` when one
// statement answers both, as the dashboard's card table's does); the dashboard's member table, which
// is computed whole and cached, slices it in memory with the same rule (`pageSlice`).
import { parseOrThrow } from "@strides/content";
import { z } from "zod";

/** Rows a page of the web app's long lists shows. */
export const PAGE_SIZE = 50;
/** The most rows a caller may ask for in one page. */
export const MAX_PAGE_SIZE = 200;

export const ZPageRequest = z.object({
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(MAX_PAGE_SIZE).default(PAGE_SIZE),
});
export type PageRequest = z.input<typeof ZPageRequest>;

/** One page of a list, with where it is among the pages. */
export interface Paged<T> {
  items: T[];
  /** The page shown, from 1 (the requested one clamped to the pages there are). */
  page: number;
  pages: number;
  pageSize: number;
  /** Rows of the whole list. */
  total: number;
}

/** How many pages `total` rows make, `size` at a time: always at least one (an empty list's). */
export function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size));
}

/** `page` within 1..pages. */
export function clampPage(page: number, pages: number): number {
  return Math.min(Math.max(1, Math.trunc(page)), pages);
}

/** Page `page` of a list held in memory. */
export function pageSlice<T>(items: readonly T[], page: number, size: number): Paged<T> {
  const pages = pageCount(items.length, size);
  const current = clampPage(page, pages);
  return {
    items: items.slice((current - 1) * size, current * size),
    page: current,
    pages,
    pageSize: size,
    total: items.length,
  };
}

/** The page shown for `page` of `total` rows: the one read, or the last read again past it. */
async function settle<T>(
  page: number,
  pageSize: number,
  total: number,
  items: T[],
  readAgain: (window: { skip: number; take: number }) => Promise<T[]>,
): Promise<Paged<T>> {
  const pages = pageCount(total, pageSize);
  const current = clampPage(page, pages);
  return {
    items:
      current === page
        ? items
        : await readAgain({ skip: (current - 1) * pageSize, take: pageSize }),
    page: current,
    pages,
    pageSize,
    total,
  };
}

/**
 * Reads one page of a list from the database: `count` counts the whole list and `read` reads a
 * window of it (in an order with a unique tie-break, so pages neither repeat nor skip a row). Both
 * run at once for the requested page; only a page past the last is read again, as the last.
 * Throws BAD_INPUT for a page or size that is not a whole number in range.
 */
export async function readPage<T>(
  request: PageRequest,
  count: () => Promise<number>,
  read: (window: { skip: number; take: number }) => Promise<T[]>,
): Promise<Paged<T>> {
  const { page, pageSize } = parseOrThrow(ZPageRequest, request, "page");
  const window = { skip: (page - 1) * pageSize, take: pageSize };
  const [total, items] = await Promise.all([count(), read(window)]);
  return settle(page, pageSize, total, items, read);
}

/**
 * `readPage` for a statement that reads a window and counts the whole list at once (the
 * dashboard's card table, whose count is its aggregate's): `read` must count right for any window,
 * even one past the end.
 */
export async function readCountedPage<T>(
  request: PageRequest,
  read: (window: { skip: number; take: number }) => Promise<{ total: number; items: T[] }>,
): Promise<Paged<T>> {
  const { page, pageSize } = parseOrThrow(ZPageRequest, request, "page");
  const { total, items } = await read({ skip: (page - 1) * pageSize, take: pageSize });
  return settle(page, pageSize, total, items, async (w) => (await read(w)).items);
}
