import type { BridgeMethod } from '../../src/adapters/bridge-adapter.js';
import type { ExpectationMatrix } from '../../src/expectation-matrix/schemas.js';

/**
 * A valid input for every bridge method, for a host on the MemoryAdapter signed in as parent-1
 * (the demo's first family): the one table of bridge.test.ts (every method through a real
 * iframe) and prototype-pollution.test.ts (the hostile variants of each input, then every method
 * again). `matrix` is the expectation matrix the caller read from its host (read and saved back
 * on its own version), `file` the upload.
 */
export function validInputs(matrix: ExpectationMatrix, file: Blob): Record<BridgeMethod, unknown> {
  return {
    getViewer: undefined,
    getLessonClip: 'wish-2',
    getHomeAnswer: 'wish-2',
    saveHomeAnswer: { id: 'ok-1', clipId: 'wish-2', kind: 'text', text: 'Samen geoefend' },
    markSeen: { id: 'ok-2', clipId: 'wish-3' },
    getClipReach: 'wish-2',
    getReactions: 'wish-2',
    setReaction: { id: 'ok-3', targetId: 'wish-2', reaction: 'heart', on: true },
    addReply: { id: 'ok-4', targetId: 'wish-2', text: 'Mooi' },
    getRewardChart: 'personal-child-1',
    award: { id: 'ok-5', chartId: 'personal-child-1', reason: 'Thuis gewacht' },
    undoAward: { id: 'ok-6', chartId: 'personal-child-1', awardId: 'ok-5' },
    redeem: { id: 'ok-7', chartId: 'class-wish' },
    getCheckins: { childId: 'child-1' },
    getClassCheckins: { classId: 'groep6-wish' },
    saveCheckin: {
      id: 'ok-8',
      checkinId: 'c-1',
      childId: 'child-1',
      feeling: 'happy',
      strength: 4,
      context: 'home',
      createdAt: '2026-11-20T11:00:00+01:00',
    },
    getExpectationMatrix: matrix.id,
    saveExpectationMatrix: { id: 'ok-9', matrix, baseVersion: matrix.version },
    shareSuccess: { id: 'ok-10', matrixId: 'matrix-school', text: 'Het lukte' },
    getSuccesses: { matrixId: 'matrix-school' },
    uploadMedia: { id: 'ok-11', file, name: 'kring.png', kind: 'photo' },
    getUploadedMedia: 'media-none',
    publishLessonClip: {
      id: 'ok-12',
      classId: 'groep6-wish',
      programme: 'wish',
      title: 'Lichaamstaal',
      media: { kind: 'photos', photos: [{ mediaId: 'media-none', alt: 'Een kring' }] },
    },
    getThread: { about: { kind: 'answer', id: 'wish-2' }, familyId: 'fam-01' },
    addThreadMessage: { id: 'ok-13', about: { kind: 'answer', id: 'wish-2' }, familyId: 'fam-01', text: 'Dank je!' },
    markThreadRead: { id: 'ok-14', about: { kind: 'answer', id: 'wish-2' }, familyId: 'fam-01' },
    getLessonClips: ['wish-2', 'wish-3'],
    getReactionSummaries: ['wish-2', 'host-post-1'],
    getHomeAnswers: ['wish-2', 'wish-3'],
    getProgrammeOverview: { programme: 'wish', classIds: ['groep6-wish'] },
    getUnreachedFamilies: { programme: 'wish', classId: 'groep6-wish' },
    getMeeting: 'wish-conversation',
    getRsvp: 'wish-conversation',
    saveRsvp: { id: 'ok-15', meetingId: 'wish-conversation', answer: 'yes', people: 2 },
    getMeetingReplies: 'wish-conversation',
    getPreparation: 'wish-conversation',
    savePreparation: {
      id: 'ok-16',
      meetingId: 'wish-conversation',
      keywords: 'voetbal',
      goesWell: 'Hij helpt graag',
      talkAbout: 'Overblijven',
    },
    getProgrammeIntro: 'wish-intro',
    getClassRhythm: { classId: 'groep6-wish', programme: 'wish' },
    getClassBoard: 'wish-2',
    chooseChartGoal: { id: 'ok-30', chartId: 'personal-child-1', wordsId: 'words-1' },
    setChartChoices: { id: 'ok-31', chartId: 'personal-child-1', words: [{ id: 'words-1', text: 'Rustig wachten' }], rewards: [] },
    getEvaluation: 'eval-wish-after',
    submitEvaluationResponse: { id: 'ok-20', evaluationId: 'eval-wish-after', answers: [{ questionId: 'rating', value: '4' }] },
    getEvaluationResults: { programmeRunId: 'wish-groep6' },
    saveEvaluation: {
      id: 'ok-21',
      evaluationId: 'eval-wish-after',
      programmeRunId: 'wish-groep6',
      phase: 'after',
      audiences: ['parent'],
      anonymous: true,
      questions: [],
    },
  };
}
