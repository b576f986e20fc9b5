// Previous / next links around "page n of m" for a list shown a page at a time; nothing for one page.
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function Pager({
  page,
  pages,
  href,
  label,
  status,
  testId,
}: {
  page: number;
  pages: number;
  /** The address of a page. */
  href: (page: number) => string;
  /** The navigation's name for assistive technology ("Pages of the member table"). */
  label: string;
  /** "Page 2 of 7 (301 members)", in the list's words. */
  status: string;
  testId?: string;
}) {
  if (pages <= 1) return null;
  const t = await getTranslations("paging");
  return (
    <nav aria-label={label} data-testid={testId}>
      {page > 1 ? <Link href={href(page - 1)}>{t("previous")}</Link> : null} <span>{status}</span>{" "}
      {page < pages ? <Link href={href(page + 1)}>{t("next")}</Link> : null}
    </nav>
  );
}
