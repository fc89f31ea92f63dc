// node --test bench/test/ — how the tap rows read the browser's Event Timing entries.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventParts } from '../runtime.mjs';

test("a tap's Event Timing: the interaction's longest duration and its longest processing; none under the threshold", () => {
  const entry = (interactionId, startTime, duration, processingStart, processingEnd) => ({
    interactionId,
    startTime,
    duration,
    processingStart,
    processingEnd,
  });
  const taps = [{ at: 100 }, { at: 300 }, { at: 500 }];
  const entries = [
    // The first tap: pointerdown, pointerup and click of one interaction; the click's handlers take 4 ms.
    entry(1, 99, 24, 101, 101.5),
    entry(1, 99.5, 24, 102, 102.2),
    entry(1, 100, 32, 103, 107),
    // The second tap took under 16 ms: the browser reported nothing.
    // The third: one entry.
    entry(3, 500, 40, 503, 509),
  ];
  assert.deepEqual(eventParts(taps, entries), [{ duration: 32, processing: 4 }, undefined, { duration: 40, processing: 6 }]);
});
