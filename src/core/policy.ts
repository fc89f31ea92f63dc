/**
 * Who may see and do what: the one authorization policy of Samen.
 *
 * Every read, write and live topic is an {@link Action} on a resource. Whether a viewer may do
 * it depends on their role and on their relation to that one resource: `own` (their child,
 * their family, their class, their school, or something they made themselves) or `other`.
 * {@link POLICY} lists, per action, which relations each role is allowed; anything not listed
 * is denied. The reference server checks it in one place before any domain code, the
 * MemoryAdapter and LocalAdapter check the same table, and a generated test proves every cell.
 * A vendor's backend keeps the same contract (docs/integration.md).
 *
 * Pure data and pure functions: no DOM, no adapter, safe to import on a server.
 */
import { SamenError } from './errors.js';

export const ROLES = ['parent', 'child', 'teacher', 'care-coordinator', 'school-leader'] as const;
export type Role = (typeof ROLES)[number];

export const RELATIONS = ['own', 'other'] as const;
export type Relation = (typeof RELATIONS)[number];

/**
 * Where a resource belongs. A viewer's relation to it is decided by the most personal field
 * their role has a claim on (see {@link relationOf}).
 */
export interface Scope {
  /** The person who made it (an award, an upload): `own` only for them. */
  personId?: string;
  /** The child it is about (a check-in, a personal chart). */
  childId?: string;
  /** The family it belongs to (a home answer, a home matrix, a thread). */
  familyId?: string;
  /**
   * The household (address) of that family it belongs to, when the child has more than one (a
   * thread with one household): `own` only for that household's carers. Left out when the
   * school shares within the family (`shareWithinFamily`): then the family decides.
   */
  householdId?: string;
  /** The class it belongs to (a clip, a class chart, a child's class). */
  classId?: string;
  /** The school it belongs to (the school's expectation matrix). */
  schoolId?: string;
}

/** The viewer fields the policy reads. Structural, so a server can pass its own record. */
export interface PolicyViewer {
  id: string;
  role: string;
  familyId?: string | undefined;
  householdId?: string | undefined;
  classIds?: readonly string[] | undefined;
  childIds?: readonly string[] | undefined;
  schoolId?: string | undefined;
}

/** What `own` means for each resource, in words (SECURITY.md and docs/integration.md show it). */
export const RESOURCES = {
  clip: 'a lesson clip of one of the viewer’s classes',
  answer:
    'a home answer of the viewer’s household to a clip of their class (without households: each carer their own; shared within the family when the school says so)',
  seen: 'the viewer’s family’s “seen” mark on a clip of their class',
  reach: 'who a clip of the viewer’s class reached (answers, families not reached)',
  reactions: 'reactions and replies on a clip or post of the viewer’s class',
  'class-chart': 'the class reward chart of one of the viewer’s classes',
  'personal-chart': 'the personal reward chart of the viewer’s child (a teacher: of a child in their class)',
  award: 'an award the viewer gave themselves',
  checkin: 'the check-ins of the viewer’s child (the child: their own; a teacher: of a child in their class)',
  signals: 'the check-in overview and signals of one of the viewer’s classes',
  'school-matrix': 'the expectation matrix of the viewer’s school',
  'home-matrix': 'the home matrix of the viewer’s family',
  successes: 'successes families shared on the viewer’s school’s matrix',
  upload: 'a file the viewer uploaded',
  overview:
    'the programme overview (aggregates only, no figure for fewer families than the minimum group size) of one of the viewer’s classes; a care coordinator’s or school leader’s classes are those of their school',
  unreached: 'the names of the families of one of the viewer’s classes that no clip of a programme run reached',
  thread:
    'a thread between the viewer’s household (or family, without households or when the school shares within the family) and the teacher(s) of the class (a teacher: with any family of their class)',
  meeting: 'a meeting (information evening, last lesson, conversation) or programme introduction of one of the viewer’s classes',
  rsvp: 'the viewer’s household’s reply to a meeting of their class (the list: a meeting of the viewer’s class)',
  preparation: 'the viewer’s household’s preparation sheet for a conversation in their class (the list: of the viewer’s class)',
  board: 'the class board of a clip of the viewer’s class: counts and the answers families chose to share, never a name or family id',
  rhythm: 'the posted and planned (scheduled) lessons of a programme in one of the viewer’s classes',
  evaluation:
    'an evaluation of a programme run of one of the viewer’s classes (its form for the viewer’s audience; results: counts only, none below the minimum group size; a care coordinator’s or school leader’s classes are those of their school)',
  'evaluation-response': 'the viewer’s own response to an evaluation of their class (one per respondent: a second replaces the first)',
} as const;
export type Resource = keyof typeof RESOURCES;

/** Every action, with the resource it acts on. Live topics use the read action of what they announce. */
export const ACTIONS = {
  'clip.read': 'clip',
  'clip.publish': 'clip',
  'answer.read': 'answer',
  'answer.write': 'answer',
  'seen.write': 'seen',
  'reach.read': 'reach',
  'reactions.read': 'reactions',
  'reaction.write': 'reactions',
  'reply.write': 'reactions',
  'class-chart.read': 'class-chart',
  'class-chart.award': 'class-chart',
  'class-chart.redeem': 'class-chart',
  'personal-chart.read': 'personal-chart',
  'personal-chart.sticker': 'personal-chart',
  'personal-chart.redeem': 'personal-chart',
  'personal-chart.choose': 'personal-chart',
  'award.undo': 'award',
  'checkin.read': 'checkin',
  'checkin.write': 'checkin',
  'signals.read': 'signals',
  'school-matrix.read': 'school-matrix',
  'school-matrix.write': 'school-matrix',
  'home-matrix.read': 'home-matrix',
  'home-matrix.write': 'home-matrix',
  'success.write': 'school-matrix',
  'successes.read': 'successes',
  'upload.write': 'upload',
  'upload.read': 'upload',
  'thread.read': 'thread',
  'thread.write': 'thread',
  'overview.read': 'overview',
  'unreached.read': 'unreached',
  'meeting.read': 'meeting',
  'rsvp.read': 'rsvp',
  'rsvp.write': 'rsvp',
  'rsvp.list': 'rsvp',
  'preparation.read': 'preparation',
  'preparation.write': 'preparation',
  'preparation.list': 'preparation',
  'board.read': 'board',
  'clip.read-scheduled': 'clip',
  'rhythm.read': 'rhythm',
  'evaluation.read': 'evaluation',
  'evaluation.respond': 'evaluation-response',
  'evaluation.results': 'evaluation',
  'evaluation.edit': 'evaluation',
  'personal-chart.options': 'personal-chart',
} as const satisfies Record<string, Resource>;
export type Action = keyof typeof ACTIONS;

type Grants = Partial<Record<Role, readonly Relation[]>>;
const OWN = ['own'] as const;

/**
 * The policy: per action, the relations each role may act in. Deny by default: a role or a
 * relation that is not listed may not. Nobody acts on `other` resources: there is no
 * "see everything" role. A school leader reads the school's matrix and successes, and the
 * programme overview of the school's classes: aggregates only, never a family's name.
 */
export const POLICY: Readonly<Record<Action, Grants>> = {
  'clip.read': { parent: OWN, child: OWN, teacher: OWN, 'care-coordinator': OWN, 'school-leader': OWN },
  'clip.publish': { teacher: OWN },
  'answer.read': { parent: OWN },
  'answer.write': { parent: OWN },
  'seen.write': { parent: OWN },
  'reach.read': { teacher: OWN },
  'reactions.read': { parent: OWN, teacher: OWN },
  'reaction.write': { parent: OWN },
  'reply.write': { parent: OWN },
  'class-chart.read': { parent: OWN, child: OWN, teacher: OWN, 'care-coordinator': OWN },
  'class-chart.award': { teacher: OWN },
  'class-chart.redeem': { teacher: OWN },
  'personal-chart.read': { parent: OWN, child: OWN, teacher: OWN, 'care-coordinator': OWN },
  'personal-chart.sticker': { parent: OWN, teacher: OWN },
  'personal-chart.redeem': { teacher: OWN },
  // The child picks the goal's words and the reward from the options the adults allowed (issue 24); a parent's session may hand the phone to the child.
  'personal-chart.choose': { parent: OWN, child: OWN },
  'award.undo': { teacher: OWN },
  'checkin.read': { parent: OWN, child: OWN, teacher: OWN, 'care-coordinator': OWN },
  'checkin.write': { parent: OWN, child: OWN },
  'signals.read': { teacher: OWN, 'care-coordinator': OWN },
  'school-matrix.read': { parent: OWN, child: OWN, teacher: OWN, 'care-coordinator': OWN, 'school-leader': OWN },
  'school-matrix.write': { teacher: OWN, 'school-leader': OWN },
  'home-matrix.read': { parent: OWN },
  'home-matrix.write': { parent: OWN },
  'success.write': { parent: OWN },
  'successes.read': { teacher: OWN, 'school-leader': OWN },
  'upload.write': { teacher: OWN },
  'upload.read': { teacher: OWN },
  'thread.read': { parent: OWN, teacher: OWN },
  'thread.write': { parent: OWN, teacher: OWN },
  // The programme overview (issue 25): aggregates for staff; names of families not reached only for the class's own teacher.
  'overview.read': { teacher: OWN, 'care-coordinator': OWN, 'school-leader': OWN },
  'unreached.read': { teacher: OWN },
  // The course around the lessons (issue 26): a household its own reply and sheet, the class's teacher the list.
  'meeting.read': { parent: OWN, teacher: OWN, 'care-coordinator': OWN, 'school-leader': OWN },
  'rsvp.read': { parent: OWN },
  'rsvp.write': { parent: OWN },
  'rsvp.list': { teacher: OWN },
  'preparation.read': { parent: OWN },
  'preparation.write': { parent: OWN },
  'preparation.list': { teacher: OWN },
  // What the class sees together on the board (issue 24): the class's children and teacher; a parent answers at home instead.
  'board.read': { child: OWN, teacher: OWN },
  // A scheduled clip before its moment (issue 26): only the class's teacher; anyone else reads it as not there (not-found, never forbidden).
  'clip.read-scheduled': { teacher: OWN },
  'rhythm.read': { teacher: OWN },
  // Evaluations (issue 25): an invited audience reads its form and sends its own response (the care coordinator answers as the trainer); staff read the counts as the overview; the run's staff add the school's own questions.
  'evaluation.read': { parent: OWN, child: OWN, teacher: OWN, 'care-coordinator': OWN },
  'evaluation.respond': { parent: OWN, child: OWN, teacher: OWN, 'care-coordinator': OWN },
  'evaluation.results': { teacher: OWN, 'care-coordinator': OWN, 'school-leader': OWN },
  'evaluation.edit': { teacher: OWN, 'care-coordinator': OWN, 'school-leader': OWN },
  // The adults set what the child chooses from (issue 24): a parent on their own child's chart, the teacher on their class's; never the child.
  'personal-chart.options': { parent: OWN, teacher: OWN },
};

/** The live topic kinds and the read each one follows (`feelings:class:…` is the class overview). */
export const TOPIC_ACTIONS = {
  clip: 'clip.read',
  reactions: 'reactions.read',
  chart: 'class-chart.read', // or personal-chart.read: decided by the chart
  feelings: 'checkin.read',
  'feelings:class': 'signals.read',
  matrix: 'school-matrix.read', // or home-matrix.read: decided by the matrix
  thread: 'thread.read',
  meeting: 'meeting.read',
  intro: 'meeting.read',
  evaluation: 'evaluation.read',
  board: 'board.read',
} as const satisfies Record<string, Action>;

/** Whether `role` may do `action` on a resource it stands in `relation` to. Unknown roles may nothing. */
export function allows(role: string, action: Action, relation: Relation): boolean {
  const grants = POLICY[action] as Record<string, readonly Relation[] | undefined>;
  return Object.prototype.hasOwnProperty.call(grants, role) && (grants[role]?.includes(relation) ?? false);
}

/**
 * The viewer's relation to a resource. Family members (parents, children) are judged by the
 * most personal field the resource has (person, child, household, family, class, school); staff by the
 * person, then class, then school. A resource with none of the fields a role can claim is `other`.
 */
export function relationOf(viewer: PolicyViewer, scope: Scope): Relation {
  const own = (yes: boolean): Relation => (yes ? 'own' : 'other');
  if (scope.personId !== undefined) return own(scope.personId === viewer.id);
  const family = viewer.role === 'parent' || viewer.role === 'child';
  if (family && scope.childId !== undefined) return own(!!viewer.childIds?.includes(scope.childId));
  if (family && scope.householdId !== undefined)
    return own(
      viewer.householdId !== undefined &&
        scope.householdId === viewer.householdId &&
        (scope.familyId === undefined || scope.familyId === viewer.familyId),
    );
  if (family && scope.familyId !== undefined) return own(viewer.familyId !== undefined && scope.familyId === viewer.familyId);
  if (scope.classId !== undefined) return own(!!viewer.classIds?.includes(scope.classId));
  if (scope.schoolId !== undefined) return own(viewer.schoolId !== undefined && scope.schoolId === viewer.schoolId);
  return 'other';
}

/** Whether `viewer` may do `action` on the resource at `scope`. */
export function may(viewer: PolicyViewer, action: Action, scope: Scope): boolean {
  return allows(viewer.role, action, relationOf(viewer, scope));
}

/** Throws `forbidden` unless `viewer` may do `action` on the resource at `scope`. */
export function authorize(viewer: PolicyViewer, action: Action, scope: Scope): void {
  if (!may(viewer, action, scope)) throw new SamenError('forbidden', `not allowed: ${action}`);
}

/** Every cell of the table (action × role × relation), for tests and the table in SECURITY.md. */
export function policyCells(): { action: Action; resource: Resource; role: Role; relation: Relation; allowed: boolean }[] {
  return (Object.keys(ACTIONS) as Action[]).flatMap((action) =>
    ROLES.flatMap((role) =>
      RELATIONS.map((relation) => ({ action, resource: ACTIONS[action], role, relation, allowed: allows(role, action, relation) })),
    ),
  );
}

// ---------------------------------------------------------------- ids at the boundary

/**
 * What an id that crosses the boundary (a path parameter, a bridge argument, a topic) may look
 * like: letters, digits and `_ . : @ -`, starting with a letter or digit, at most 200
 * characters. `__proto__` can't match; `constructor` and `prototype` are refused by name, so no
 * id can reach an object's inherited members even where a plain object slipped through.
 */
export const ID_PATTERN = /^[A-Za-z0-9][\w.:@-]{0,199}$/;
const RESERVED = new Set(['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf']);

export function isSafeId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value) && !RESERVED.has(value);
}
