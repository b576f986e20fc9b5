// Long loops on the server (an import's notes, its preview's cards) take turns with the event loop,
// so the reviews it answers meanwhile never wait behind them for long.

/**
 * A pause point for a long loop: `await turn()` gives the event loop a turn once the work since
 * the last turn has run for `sliceMs`, and returns at once otherwise.
 */
export function eventLoopTurns(sliceMs = 10): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < sliceMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    since = performance.now();
  };
}
