// Pages of a list shown a page at a time (the dashboard's member table): the page a query asks for,
// and that page's slice, clamped to the pages there are.

/** The page number a query value asks for: a positive integer, else 1. */
export function requestedPage(value: string | undefined): number {
  const n = Number(value ?? "1");
  return Number.isInteger(n) && n > 0 ? n : 1;
}

/** Page `page` (from 1, clamped to the last) of `items`, `size` at a time; always at least one page. */
export function pageOf<T>(items: readonly T[], page: number, size: number) {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(1, page), pages);
  return { items: items.slice((current - 1) * size, current * size), page: current, pages };
}
