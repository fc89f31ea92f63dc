// eslint-disable-next-line no-restricted-imports -- the one place that wraps it
import { waitUntil as waitUntilOpenWc } from '@open-wc/testing';

/** How long {@link waitUntil} waits unless told otherwise. */
export const WAIT_MS = 5000;

/**
 * @open-wc/testing's `waitUntil`, allowing 5 s instead of its 1 s unless `options.timeout` says
 * otherwise. A wait ends as soon as its condition holds, so the longer limit costs a passing test
 * nothing; it only keeps a slow moment on CI's two loaded cores (both runners at once) from
 * failing a test that was about to pass. A test about speed measures it (bench/), not this limit.
 * ESLint keeps the tests on this one (no-restricted-imports).
 */
export function waitUntil(
  predicate: () => unknown,
  message?: string,
  options: { interval?: number; timeout?: number } = {},
): Promise<void> {
  return waitUntilOpenWc(predicate, message, { timeout: WAIT_MS, ...options }) as Promise<void>;
}
