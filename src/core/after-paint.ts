/** Longest wait for a frame: a hidden page (a WebView in the background) paints none. */
const NO_FRAME_MS = 100;

/** The wait asked for before the coming frame's animation callbacks ran: shared by every caller. */
let coming: Promise<void> | undefined;

/**
 * Resolves once the next frame has been painted (a task after its animation frame), or after
 * {@link NO_FRAME_MS} when the page paints no frames. Work that follows a tap (its write, and
 * the live reload its write causes) waits for this, so the tap's own change is painted first,
 * in one frame, however fast the adapter answers (issue 23).
 *
 * Everything that asks before the same frame resolves in the same task, so reads deferred to
 * after a paint (the feedback bars of the cards on the first screen) still go in one batch.
 */
export function afterNextPaint(): Promise<void> {
  if (coming) return coming;
  const wait: Promise<void> = new Promise((resolve) => {
    let done = false;
    const go = () => {
      if (done) return;
      done = true;
      clearTimeout(fallback);
      resolve();
    };
    // Who asks from now on waits for the frame after this one (their change is not in this one).
    const leave = () => {
      if (coming === wait) coming = undefined;
    };
    const fallback = setTimeout(() => {
      leave();
      go();
    }, NO_FRAME_MS);
    requestAnimationFrame(() => {
      leave();
      setTimeout(go, 0);
    });
  });
  coming = wait;
  return wait;
}
