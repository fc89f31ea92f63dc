/** Longest wait for a frame: a hidden page (a WebView in the background) paints none. */
const NO_FRAME_MS = 100;

/**
 * Resolves once the next frame has been painted (a task after its animation frame), or after
 * {@link NO_FRAME_MS} when the page paints no frames. Work that follows a tap (its write, and
 * the live reload its write causes) waits for this, so the tap's own change is painted first,
 * in one frame, however fast the adapter answers (issue 23).
 */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const go = () => {
      if (done) return;
      done = true;
      clearTimeout(fallback);
      resolve();
    };
    const fallback = setTimeout(go, NO_FRAME_MS);
    requestAnimationFrame(() => setTimeout(go, 0));
  });
}
