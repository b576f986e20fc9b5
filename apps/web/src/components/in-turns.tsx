// A long server-rendered list in slices, each rendered on its own turn of the event loop, so a
// page of many rows (a school's dashboard) never holds the loop the reviews are answered on.
import "server-only";
import type { ReactNode } from "react";

/** Resolves on the next turn of the event loop, after the I/O waiting now has been handled. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * `items` rendered `size` at a time by `children`, in order, slice k (from 0) after k + 1 turns of
 * the event loop: React renders each slice when its turn comes (an async server component),
 * so the work of one page is spread over many short turns instead of one long one. The HTML is
 * the same as rendering the list at once.
 */
export function InTurns<T>({
  items,
  size = 10,
  children,
}: {
  items: readonly T[];
  size?: number;
  children: (item: T, index: number) => ReactNode;
}) {
  const slices: ReactNode[] = [];
  let turn: Promise<void> = Promise.resolve();
  for (let start = 0; start < items.length; start += size) {
    turn = turn.then(nextTurn);
    slices.push(
      <Slice
        key={start}
        turn={turn}
        items={items.slice(start, start + size)}
        start={start}
        render={children}
      />,
    );
  }
  return <>{slices}</>;
}

async function Slice<T>({
  turn,
  items,
  start,
  render,
}: {
  turn: Promise<void>;
  items: readonly T[];
  start: number;
  render: (item: T, index: number) => ReactNode;
}) {
  await turn;
  return <>{items.map((item, i) => render(item, start + i))}</>;
}
