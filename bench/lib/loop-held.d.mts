export interface LoopHeld {
  /** Since the start or the last take(): the longest tick lateness, and the same less waits for a core. */
  take(): { wallMs: number; ownMs: number };
  stop(): void;
}
export function startLoopHeld(resolutionMs?: number): LoopHeld;
