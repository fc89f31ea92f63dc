/**
 * The clip composer's own words, kept out of the shared tables (src/core/locales/) so that the
 * parents' widgets never carry the teacher's composer text: its section of the translation
 * tables (see `defineMessages` in src/core/i18n.ts). Dutch is built in, the other languages load
 * the first time a composer shows them (src/clip-composer/locales/xx.ts), and a language a host
 * registered may bring a `composer` section of its own, filled from English (or Dutch), else
 * gets English. test/core/locales.test.ts checks every table has every key and placeholder, as
 * for the shared ones.
 */
import { defineMessages } from '../core/i18n.js';
import { nl } from './locales/nl.js';

export interface ComposerMessages {
  heading: string;
  intro: string;
  classLabel: string;
  programme: string;
  customProgramme: string;
  programmeName: string;
  lesson: string;
  chooseLesson: string;
  ownLesson: string;
  lessonOption: (n: number, title: string) => string;
  prefilled: string;
  title: string;
  learnedHint: string;
  media: string;
  mediaHint: (videoMb: number, photoMb: number) => string;
  chooseMedia: string;
  captions: string;
  chooseCaptions: string;
  captionsHint: string;
  uploading: (name: string, percent: number) => string;
  uploaded: (name: string) => string;
  cancelUpload: string;
  cancelUploadOf: (name: string) => string;
  cancelled: (name: string) => string;
  remove: string;
  removeOf: (name: string) => string;
  uploadFailed: (name: string) => string;
  tooBig: (name: string, maxMb: number) => string;
  wrongType: (name: string) => string;
  emptyFile: (name: string) => string;
  photoAlt: (n: number) => string;
  photoAltMissing: (n: number) => string;
  mixedMedia: string;
  tooManyPhotos: (max: number) => string;
  mediaLost: (name: string) => string;
  noUpload: string;
  noPublish: string;
  /** The select of the language the teacher writes the clip in (sent as the clip's `lang`). */
  textLanguage: string;
  previewLanguage: string;
  preview: string;
  hidePreview: string;
  previewHeading: string;
  publish: string;
  publishing: string;
  published: string;
  publishFailed: string;
  another: string;
  draftKept: string;
  startOver: string;
  required: (field: string) => string;
  fix: string;
  libraryAdjusted: string;
  waitForUploads: string;
  /** The optional sub-group the lesson was for ("Groep 6 — meisjes"), and its hint. */
  group: string;
  groupHint: string;
  /** Suggestions for the sub-group: WIsH teaches girls and boys separately. */
  girls: (classLabel: string) => string;
  boys: (classLabel: string) => string;
  /** The optional name of who taught the lesson with the teacher, and its hint. */
  coTeacher: string;
  coTeacherHint: string;
  /** Beside a text the library filled in that is a starting text of ours, not the programme's own. */
  exampleText: string;
  /** Beside a text the library filled in that is the programme's own (a WIsH lesson's name). */
  fromProgramme: string;
  /** The summary of how a programme runs around its lessons. */
  aboutProgramme: (name: string) => string;
  /** The heading of a lesson's note for the teacher (never published). */
  lessonNote: string;
  /** The rhythm (issue 26): when parents see the post, now or at a planned moment. */
  when: string;
  postNow: string;
  scheduleLater: string;
  scheduleDay: string;
  scheduleHour: string;
  hourOption: (hour: number) => string;
  scheduleHint: string;
  /** A warning, not a block: the teacher may still plan it then. */
  weekendWarning: string;
  eveningWarning: string;
  schedulePast: string;
  scheduleTooFar: (days: number) => string;
  scheduling: string;
  scheduled: (when: string) => string;
  /** The class's posted and planned lessons of the programme, beside the schedule. */
  rhythm: string;
  rhythmHint: string;
  rhythmPosted: (date: string) => string;
  rhythmPlanned: (date: string) => string;
  rhythmOpen: string;
  /** After the last lesson: a lesson, a follow-up post on a lesson, or a repeat lesson for a later group. */
  kind: string;
  kindLesson: string;
  kindFollowUp: string;
  kindRepeat: string;
  followUpHint: string;
  repeatHint: string;
  /** The title a follow-up post starts with, to parents ("u"). */
  followUpTitle: (title: string) => string;
  originalClass: string;
  originalUnknown: string;
}

declare module '../core/i18n.js' {
  interface SectionMessages {
    composer: ComposerMessages;
  }
}

export const composerMessages = defineMessages('composer', nl, {
  en: () => import('./locales/en.js').then((m) => m.en),
  ar: () => import('./locales/ar.js').then((m) => m.ar),
  tr: () => import('./locales/tr.js').then((m) => m.tr),
  pl: () => import('./locales/pl.js').then((m) => m.pl),
  uk: () => import('./locales/uk.js').then((m) => m.uk),
});
