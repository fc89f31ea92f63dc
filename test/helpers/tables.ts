/**
 * Dutch as the other languages' entries give theirs (`@samen/widgets/locales/en`, …): the shared
 * table and the parents' widgets' sections by name (the composer's words are its own). Dutch
 * has no such module, as every part of it is built in where it is used; tests that read a
 * widget's Dutch words use this.
 */
import type { Messages, SectionMessages } from '../../src/core/i18n.js';
import { nl as shared } from '../../src/core/locales/nl.js';
import { nl as clip } from '../../src/lesson-clip/locales/nl.js';
import { nl as feedback } from '../../src/feedback-bar/locales/nl.js';
import { nl as reward } from '../../src/reward-chart/locales/nl.js';
import { nl as feelings } from '../../src/feelings-checkin/locales/nl.js';
import { nl as matrix } from '../../src/expectation-matrix/locales/nl.js';
import { nl as thread } from '../../src/thread/locales/nl.js';

export const nl: Messages & Omit<SectionMessages, 'composer' | 'overview' | 'meeting' | 'intro' | 'evaluation'> = {
  ...shared,
  clip,
  feedback,
  reward,
  feelings,
  matrix,
  thread,
};
