/**
 * What the page asked the network for, by the Resource Timing API: every request leaves an
 * entry, a 404 too. The browser keeps 250 entries by default and then drops new ones, and a
 * test page loads more modules than that: a test that checks nothing was requested would then
 * pass whatever happened, and one waiting for a request would time out. This module keeps them
 * all, and throws if the buffer ever fills all the same.
 */
let full = false;
performance.setResourceTimingBufferSize(100_000);
performance.addEventListener('resourcetimingbufferfull', () => {
  full = true;
});

/** Every URL this page has requested so far, in order. */
export function requestedUrls(): string[] {
  if (full) throw new Error('The Resource Timing buffer is full: later requests are not recorded.');
  return performance.getEntriesByType('resource').map((e) => e.name);
}
