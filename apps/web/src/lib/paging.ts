// The query side of lists shown a page at a time (the dashboard's tables, a deck's cards, the admin's
// accounts): the page and search a URL asks for, and the links to other pages. The paging rule itself
// (pages from 1, at least one, a page past the last shows the last) is the db package's.
import { z } from "zod";

type SearchParams = Record<string, string | string[] | undefined>;

/** The page number a query value asks for: a positive integer, else 1. */
export function requestedPage(value: string | string[] | undefined): number {
  const n = Number(typeof value === "string" ? value : "1");
  return Number.isSafeInteger(n) && n > 0 ? n : 1;
}

// A search box's text: a repeated or over-long parameter is ignored rather than an error page.
const ZSearchText = z.string().trim().max(200).optional().catch(undefined);

/** A list page's query: its search text (absent when blank) and the page it asks for. */
export function listQuery(params: SearchParams): { q: string | undefined; page: number } {
  return { q: ZSearchText.parse(params.q) || undefined, page: requestedPage(params.page) };
}

/**
 * The address of page `page` of a list: `path` with `params` (the query that stays, e.g. a search)
 * and `key` set to the page. Parameters without a value are left out.
 */
export function pageHref(path: string, params: SearchParams, key: string, page: number): string {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (k === key) continue;
    for (const one of typeof v === "string" ? [v] : (v ?? [])) query.append(k, one);
  }
  query.set(key, String(page));
  return `${path}?${query.toString()}`;
}
