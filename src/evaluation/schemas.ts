/**
 * The evaluation's zod/mini schemas, types and limits (issue 25): the short form a school sends at
 * the end of a programme run (and optionally at the start, for a before/after comparison) to
 * parents, children, teachers and the trainer; one response per respondent; and the results staff
 * see, per audience and question, never a figure below the minimum group size.
 *
 * Who may do what (src/core/policy.ts): `evaluation.read` (an invited audience of the run's
 * class), `evaluation.respond` (the viewer's own response only), `evaluation.results` (staff, as
 * `overview.read`), `evaluation.edit` (teacher, care coordinator, school leader of the run).
 */
import * as z from 'zod/mini';
import {
  countSchema as count,
  contentLangSchema as contentLang,
  idSchema as id,
  integer,
  isoDateSchema as isoDate,
  lengthBetween,
  programmeSchema,
  requiredTextSchema as requiredText,
} from '../core/schemas.js';

/** Who a form is for. The trainer who gave the training answers the trainer's form. */
export const AUDIENCES = ['parent', 'child', 'teacher', 'trainer'] as const;
export const audienceSchema = z.enum(AUDIENCES);
export type Audience = z.infer<typeof audienceSchema>;

/** Before the run (optional, for a comparison) or after it. */
export const PHASES = ['before', 'after'] as const;
export const phaseSchema = z.enum(PHASES);
export type Phase = z.infer<typeof phaseSchema>;

export const QUESTION_KINDS = ['yes-no', 'scale', 'choice', 'text'] as const;
export const questionKindSchema = z.enum(QUESTION_KINDS);
export type QuestionKind = z.infer<typeof questionKindSchema>;

/** The values of a `yes-no` question. */
export const YES_NO_VALUES = ['yes', 'no'] as const;
/** The values of a `scale` question: 1 (not at all) to 5 (very much / very good). */
export const SCALE_VALUES = ['1', '2', '3', '4', '5'] as const;
/** Longest answer to a `text` question: a few sentences. */
export const ANSWER_MAX_LENGTH = 1000;
/** Most questions on one form (built-in and the school's own together). */
export const MAX_QUESTIONS = 30;
/** Most options of a `choice` question. */
export const MAX_OPTIONS = 10;
/** Fewer respondents than this and no figure is shown (the backend may ask for more, never fewer). */
export const DEFAULT_EVALUATION_MIN_GROUP_SIZE = 5;

export const questionOptionSchema = z.object({ value: id, label: requiredText });
export type QuestionOption = z.infer<typeof questionOptionSchema>;

export const questionSchema = z.object({
  id,
  kind: questionKindSchema,
  /** The question in the school's words (built-in questions: the widget shows its own translated text for known ids). */
  text: requiredText,
  /** The options of a `choice` question (a `scale` may name its five steps). */
  options: z.optional(z.array(questionOptionSchema).check(lengthBetween<QuestionOption[]>(0, MAX_OPTIONS))),
  /** One of the programme's own questions (see BUILT_IN_QUESTIONS), not the school's. */
  builtIn: z.boolean(),
  /** The child form: a drawn picture beside the question, by name (`star`, `home`, `idea`, `talk`; src/evaluation/pictures.ts). */
  picture: z.optional(z.string().check(lengthBetween(0, 16))),
});
export type Question = z.infer<typeof questionSchema>;

export const answerSchema = z.object({ questionId: id, value: z.string().check(lengthBetween(0, ANSWER_MAX_LENGTH)) });
export type Answer = z.infer<typeof answerSchema>;

/** The form for the signed-in viewer's audience. */
export const evaluationSchema = z.object({
  id,
  programmeRunId: id,
  programme: programmeSchema,
  phase: phaseSchema,
  /** The audience this form is for: the viewer's. */
  audience: audienceSchema,
  /** Every audience the evaluation goes to (the teacher's view shows and edits them). */
  audiences: z.optional(z.array(audienceSchema)),
  /** The run's name as the school shows it ("WIsH, groep 6"). */
  title: requiredText,
  questions: z.array(questionSchema).check(lengthBetween<Question[]>(0, MAX_QUESTIONS)),
  /** Whether answers reach the school without a name (the default). */
  anonymous: z.boolean(),
  closesAt: z.optional(isoDate),
  /** Whether this viewer already answered. */
  answered: z.boolean(),
  /** This viewer's own answers, when they answered (to change them): never anyone else's. */
  answers: z.optional(z.array(answerSchema)),
  /** Language of the school's words, e.g. `nl`. */
  lang: contentLang,
});
export type Evaluation = z.infer<typeof evaluationSchema>;

/** What a respondent sends: pairs of question and value (never an object keyed by user input). */
export interface EvaluationResponseInput {
  evaluationId: string;
  answers: Answer[];
}

/** What a submitted response resolves with. */
export const evaluationReceiptSchema = z.object({
  evaluationId: id,
  submittedAt: isoDate,
  answers: z.array(answerSchema),
});
export type EvaluationReceipt = z.infer<typeof evaluationReceiptSchema>;

/** A question the school adds (its own; built-in questions come with the programme). */
export interface OwnQuestionInput {
  id: string;
  kind: QuestionKind;
  text: string;
  options?: QuestionOption[];
  /** The audiences that get it; absent: every audience of the evaluation. */
  audiences?: Audience[];
}

/** What `saveEvaluation` sends: the school's own questions (replacing its earlier ones), audiences, phase, anonymity. */
export interface EvaluationDraft {
  evaluationId: string;
  programmeRunId: string;
  phase: Phase;
  audiences: Audience[];
  anonymous: boolean;
  closesAt?: string;
  questions: OwnQuestionInput[];
}

const valueCount = z.object({ value: z.string(), count });

export const questionResultSchema = z.object({
  questionId: id,
  audience: audienceSchema,
  text: requiredText,
  kind: questionKindSchema,
  builtIn: z.optional(z.boolean()),
  options: z.optional(z.array(questionOptionSchema)),
  /** How many answered this question. */
  responses: z.optional(count),
  /** Per value, how many chose it; `null` below the minimum group size and for `text` questions. */
  counts: z.nullable(z.array(valueCount)),
  /** The mean of a `scale` question (1–5), when counts are shown. */
  average: z.optional(z.number().check(z.refine<number>((n) => n >= 1 && n <= 5))),
});
export type QuestionResult = z.infer<typeof questionResultSchema>;

export const phaseResultSchema = z.object({
  phase: phaseSchema,
  evaluationId: z.optional(id),
  audiences: z.array(z.object({ audience: audienceSchema, invited: count, responded: count })),
  questions: z.array(questionResultSchema),
});
export type PhaseResult = z.infer<typeof phaseResultSchema>;

export const evaluationResultsSchema = z.object({
  programmeRunId: id,
  minimumGroupSize: integer(1),
  /** `after`, and `before` beside it when the run had one. */
  phases: z.array(phaseResultSchema),
});
export type EvaluationResults = z.infer<typeof evaluationResultsSchema>;

/** The live topic of an evaluation (responses, new questions): `evaluation:<evaluationId>`. */
export function evaluationTopic(evaluationId: string): `evaluation:${string}` {
  return `evaluation:${evaluationId}`;
}

/** The audience of a signed-in viewer: the care coordinator (the school's trainer, often the IB'er) answers the trainer's form. */
export function audienceOf(role: string): Audience | undefined {
  if (role === 'parent' || role === 'child' || role === 'teacher') return role;
  if (role === 'care-coordinator') return 'trainer';
  return undefined;
}

/** Whether `value` is a valid answer to `question` (the server checks the same). */
export function isValidAnswer(question: Pick<Question, 'kind' | 'options'>, value: string): boolean {
  switch (question.kind) {
    case 'yes-no':
      return (YES_NO_VALUES as readonly string[]).includes(value);
    case 'scale':
      return (SCALE_VALUES as readonly string[]).includes(value);
    case 'choice':
      return !!question.options?.some((o) => o.value === value);
    case 'text':
      return value.trim().length > 0 && value.length <= ANSWER_MAX_LENGTH;
  }
}

/**
 * The programme's own questions, per audience (WIsH's form: learning goals, talked at home, came
 * to the last lesson, a rating). Pure data so a server can build a form from them; the widget
 * shows its translated text for these ids (messages `q.<id>`), and `text` is the Dutch.
 */
export const BUILT_IN_QUESTIONS: Readonly<Record<Audience, readonly Omit<Question, 'builtIn'>[]>> = {
  parent: [
    { id: 'goals', kind: 'yes-no', text: 'Weet je wat je kind leert in deze lessen?' },
    { id: 'talked', kind: 'yes-no', text: 'Heb je thuis over de lessen gepraat?' },
    { id: 'last-lesson', kind: 'yes-no', text: 'Was je bij de laatste les?' },
    { id: 'rating', kind: 'scale', text: 'Hoe vond je de lessen?' },
  ],
  child: [
    { id: 'child-liked', kind: 'scale', text: 'Hoe vond je de lessen?', picture: 'star' },
    { id: 'child-talked', kind: 'yes-no', text: 'Heb je thuis over de lessen verteld?', picture: 'home' },
    { id: 'child-learned', kind: 'yes-no', text: 'Heb je iets nieuws geleerd?', picture: 'idea' },
  ],
  teacher: [
    { id: 'teacher-goals', kind: 'scale', text: 'Hoe goed kenden de ouders de doelen van de lessen?' },
    { id: 'teacher-class', kind: 'scale', text: 'Hoe goed paste het programma bij je klas?' },
    { id: 'rating', kind: 'scale', text: 'Hoe vond je de lessen?' },
  ],
  trainer: [
    { id: 'trainer-parents', kind: 'scale', text: 'Hoe betrokken waren de ouders?' },
    { id: 'trainer-school', kind: 'scale', text: 'Hoe ging de samenwerking met de school?' },
    { id: 'rating', kind: 'scale', text: 'Hoe vond je de lessen?' },
  ],
};

/**
 * The questions `audience` answers: the programme's built-in ones first, then the school's own
 * that are for them. The reference server and the MemoryAdapter build forms and results from it.
 */
export function questionsFor(own: readonly OwnQuestionInput[], audience: Audience): Question[] {
  return [
    ...BUILT_IN_QUESTIONS[audience].map((q) => ({ ...q, builtIn: true })),
    ...own
      .filter((q) => !q.audiences || q.audiences.includes(audience))
      .map(({ audiences: _audiences, ...q }) => ({ ...q, builtIn: false })),
  ];
}

/**
 * One question's result from how many answered with each value (`counted`; an open question's
 * answers count under any key, their words never reach it): per value of the question, in its
 * order, how many chose it, and a scale's average. Both only from `minimum` answers on, and never
 * for an open question. One function for the reference server and the MemoryAdapter, so the two
 * cannot count differently.
 */
export function questionResult(
  question: Question,
  audience: Audience,
  counted: ReadonlyMap<string | null, number>,
  minimum: number,
): QuestionResult {
  const responses = [...counted.values()].reduce((a, b) => a + b, 0);
  const shown = question.kind !== 'text' && responses >= minimum;
  const values: readonly string[] =
    question.kind === 'yes-no' ? YES_NO_VALUES : question.kind === 'scale' ? SCALE_VALUES : (question.options ?? []).map((o) => o.value);
  const counts = values.map((value) => ({ value, count: counted.get(value) ?? 0 }));
  const scaled = counts.reduce((a, c) => a + c.count, 0);
  const sum = question.kind === 'scale' ? counts.reduce((a, c) => a + Number(c.value) * c.count, 0) : 0;
  return {
    questionId: question.id,
    audience,
    text: question.text,
    kind: question.kind,
    builtIn: question.builtIn,
    ...(question.options ? { options: question.options } : {}),
    responses,
    counts: shown ? counts : null,
    ...(shown && question.kind === 'scale' && scaled ? { average: Math.round((sum / scaled) * 10) / 10 } : {}),
  };
}
