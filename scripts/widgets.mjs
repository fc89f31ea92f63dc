/**
 * The one list of Samen's widgets (issue 20), without dependencies, so that everything can read
 * it: the test suites (test/widgets/catalogue.ts extends each row with what only tests need),
 * the stories' checks, the bench (bench/runtime.mjs in Node, bench/pages/samen-page.js in the
 * browser) and the checks under test/security/.
 *
 * A new widget is registered here once, with its row in test/widgets/catalogue.ts beside it.
 * Each row: its tag, folder under src/, define entry, adapter port, `view` values, the seeded
 * viewer of each view, the attributes that load the demo data (src/adapters/demo-data.ts) in
 * each view, and its story file with the stories the accessibility suites check.
 */

/**
 * @typedef {'clip' | 'feedback' | 'reward' | 'feelings' | 'matrix' | 'composer' | 'overview' | 'meeting' | 'intro' | 'evaluation'} Port
 * @typedef {{ title: string, file: string, main: string, arabic: string }} WidgetStories
 * @typedef {{
 *   tag: string,
 *   folder: string,
 *   entry: string,
 *   port: Port,
 *   views: readonly string[],
 *   viewProperty: boolean,
 *   viewers: Readonly<Record<string, string>>,
 *   attributes: Readonly<Record<string, Readonly<Record<string, string>>>>,
 *   stories: WidgetStories,
 * }} Widget
 */

/** @type {readonly Widget[]} */
export const WIDGETS = Object.freeze([
  {
    tag: 'samen-lesson-clip',
    folder: 'lesson-clip',
    entry: 'src/define/samen-lesson-clip.ts',
    port: 'clip',
    // child: the class board on the digiboard (issue 24), as a child of groep 6 sees it.
    views: ['parent', 'teacher', 'child'],
    viewProperty: true,
    viewers: { parent: 'parent-1', teacher: 'teacher-1', child: 'child-login-1' },
    // Lesson 2 of WIsH, "Wie ben ik?", in groep 6.
    attributes: { parent: { 'clip-id': 'wish-2' }, teacher: { 'clip-id': 'wish-2' }, child: { 'clip-id': 'wish-2' } },
    stories: { title: 'Widgets/Lesson clip', file: 'stories/lesson-clip.stories.ts', main: 'Parent', arabic: 'Arabic' },
  },
  {
    tag: 'samen-feedback-bar',
    folder: 'feedback-bar',
    entry: 'src/define/samen-feedback-bar.ts',
    port: 'feedback',
    views: ['parent', 'teacher'],
    viewProperty: true,
    viewers: { parent: 'parent-1', teacher: 'teacher-1' },
    // A post of the host app's with the seeded reactions and replies.
    attributes: { parent: { 'target-id': 'host-post-1', 'allow-reply': '' }, teacher: { 'target-id': 'host-post-1', 'allow-reply': '' } },
    stories: { title: 'Widgets/Feedback bar', file: 'stories/feedback-bar.stories.ts', main: 'Parent', arabic: 'Arabic' },
  },
  {
    tag: 'samen-reward-chart',
    folder: 'reward-chart',
    entry: 'src/define/samen-reward-chart.ts',
    port: 'reward',
    // child: Noor chooses her goal's words and reward herself (issue 24).
    views: ['parent', 'teacher', 'child'],
    viewProperty: true,
    viewers: { parent: 'parent-1', teacher: 'teacher-1', child: 'child-login-1' },
    // Noor's personal chart: the teacher awards stickers, her parents add home stickers.
    attributes: {
      parent: { 'chart-id': 'personal-child-1' },
      teacher: { 'chart-id': 'personal-child-1' },
      child: { 'chart-id': 'personal-child-1' },
    },
    stories: { title: 'Widgets/Reward chart', file: 'stories/reward-chart.stories.ts', main: 'PersonalSchoolAndHome', arabic: 'Arabic' },
  },
  {
    tag: 'samen-feelings-checkin',
    folder: 'feelings-checkin',
    entry: 'src/define/samen-feelings-checkin.ts',
    port: 'feelings',
    views: ['child', 'parent', 'teacher'],
    viewProperty: true,
    viewers: { child: 'child-login-1', parent: 'parent-1', teacher: 'teacher-1' },
    // Noor (child-1) at home; the teacher's overview of groep 6 at school.
    attributes: {
      child: { 'child-id': 'child-1', context: 'home' },
      parent: { 'child-id': 'child-1', context: 'home' },
      teacher: { 'class-id': 'groep6-wish', context: 'school' },
    },
    stories: {
      title: 'Widgets/Feelings check-in',
      file: 'stories/feelings-checkin.stories.ts',
      main: 'Child',
      arabic: 'ArabicRightToLeft',
    },
  },
  {
    tag: 'samen-expectation-matrix',
    folder: 'expectation-matrix',
    entry: 'src/define/samen-expectation-matrix.ts',
    port: 'matrix',
    views: ['parent', 'teacher'],
    viewProperty: true,
    viewers: { parent: 'parent-1', teacher: 'teacher-1' },
    // The school's matrix of De Regenboog.
    attributes: { parent: { 'matrix-id': 'matrix-school' }, teacher: { 'matrix-id': 'matrix-school' } },
    stories: { title: 'Widgets/Expectation matrix', file: 'stories/expectation-matrix.stories.ts', main: 'SchoolMatrix', arabic: 'Arabic' },
  },
  {
    tag: 'samen-clip-composer',
    folder: 'clip-composer',
    entry: 'src/define/samen-clip-composer.ts',
    port: 'composer',
    // No `view` property: the composer is for teachers; it reads the lesson library and the teacher's classes.
    views: ['teacher'],
    viewProperty: false,
    viewers: { teacher: 'teacher-1' },
    attributes: { teacher: {} },
    stories: {
      title: 'Widgets/Clip composer',
      file: 'stories/clip-composer.stories.ts',
      main: 'PrefilledWishLesson3',
      arabic: 'RightToLeft',
    },
  },
  {
    tag: 'samen-programme-intro',
    folder: 'programme-intro',
    entry: 'src/define/samen-programme-intro.ts',
    port: 'intro',
    views: ['parent', 'teacher'],
    viewProperty: true,
    viewers: { parent: 'parent-1', teacher: 'teacher-1' },
    // Kanjertraining in groep 5: lessons 1 and 2 given, 3 and 4 planned; the home folder with the four caps.
    attributes: { parent: { 'intro-id': 'kanjer-intro' }, teacher: { 'intro-id': 'kanjer-intro' } },
    stories: { title: 'Widgets/Programme intro', file: 'stories/programme-intro.stories.ts', main: 'Kanjertraining', arabic: 'Arabic' },
  },
  {
    tag: 'samen-meeting',
    folder: 'meeting',
    entry: 'src/define/samen-meeting.ts',
    port: 'meeting',
    views: ['parent', 'teacher'],
    viewProperty: true,
    viewers: { parent: 'parent-1', teacher: 'teacher-1' },
    // The parent–child–teacher conversations of groep 6 (coming): yes / no / maybe and the preparation sheet.
    attributes: { parent: { 'meeting-id': 'wish-conversation' }, teacher: { 'meeting-id': 'wish-conversation' } },
    stories: { title: 'Widgets/Meeting', file: 'stories/meeting.stories.ts', main: 'Conversation', arabic: 'Arabic' },
  },
  {
    tag: 'samen-programme-overview',
    folder: 'programme-overview',
    entry: 'src/define/samen-programme-overview.ts',
    port: 'overview',
    // No `view` property: the viewer's role decides. A teacher's own classes (with the families not
    // reached, for them only), the school leader's every class of the school: WIsH in groep 6.
    views: ['own-classes', 'school'],
    viewProperty: false,
    viewers: { 'own-classes': 'teacher-1', school: 'leader-1' },
    attributes: { 'own-classes': { programme: 'wish' }, school: { programme: 'wish' } },
    stories: { title: 'Widgets/Programme overview', file: 'stories/programme-overview.stories.ts', main: 'Teacher', arabic: 'Arabic' },
  },
  {
    tag: 'samen-evaluation',
    folder: 'evaluation',
    entry: 'src/define/samen-evaluation.ts',
    port: 'evaluation',
    // The WIsH run of groep 6 (issue 25): the after form a parent has not answered yet, the child's form, and the results.
    views: ['parent', 'child', 'teacher'],
    viewProperty: true,
    viewers: { parent: 'parent-1', child: 'child-login-1', teacher: 'teacher-1' },
    attributes: {
      parent: { 'evaluation-id': 'eval-wish-after' },
      child: { 'evaluation-id': 'eval-wish-after' },
      teacher: { 'evaluation-id': 'eval-wish-after' },
    },
    stories: { title: 'Widgets/Evaluation', file: 'stories/evaluation.stories.ts', main: 'Parent', arabic: 'Arabic' },
  },
]);

/** Every widget's tag, in the catalogue's order. */
export const WIDGET_TAGS = Object.freeze(WIDGETS.map((w) => w.tag));

/** The catalogue's tags as one selector: every Samen widget in a subtree. */
export const WIDGET_SELECTOR = WIDGET_TAGS.join(', ');

/** The row of `tag`; throws for a tag that is not in the catalogue. */
export function widget(/** @type {string} */ tag) {
  const row = WIDGETS.find((w) => w.tag === tag);
  if (!row) throw new Error(`${tag} is not in scripts/widgets.mjs`);
  return row;
}

/**
 * The attributes that render `tag` in `view` with the demo data: the sample's, plus `view` for a
 * widget that has that property.
 * @returns {Record<string, string>}
 */
export function sampleAttributes(/** @type {string} */ tag, /** @type {string} */ view = widget(tag).views[0] ?? '') {
  const row = widget(tag);
  const attributes = row.attributes[view];
  if (!attributes) throw new Error(`${tag} has no view "${view}" (its views: ${row.views.join(', ')})`);
  return row.viewProperty ? { ...attributes, view } : { ...attributes };
}
