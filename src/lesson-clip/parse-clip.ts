import * as z from 'zod/mini';
import type { SamenIssue } from '../core/errors.js';
import { parseOrThrow, toIssues } from '../core/parse.js';
import { invalidLang } from '../core/content-lang.js';
import { programmeSchema } from '../core/schemas.js';
import { lessonClipSchema, mediaSchema, type LessonClip } from './schemas.js';

export interface ParsedClip {
  clip: LessonClip;
  /** Problems that don't stop the card: refused media, an unknown programme. */
  problems: SamenIssue[];
}

/**
 * A clip with a missing title is unusable and throws; a clip with a bad video URL,
 * an unknown programme or a bad `lang` is still worth reading, so those parts are
 * dropped and reported instead.
 */
export function parseLessonClip(raw: unknown): ParsedClip {
  const base = parseOrThrow(lessonClipSchema, raw);
  const problems: SamenIssue[] = [];

  const programme = z.safeParse(programmeSchema, base.programme);
  if (!programme.success) problems.push({ path: 'programme', message: 'unknown programme' });
  // A language tag that is not BCP 47 is dropped (the schema did): the words show, unmarked.
  const badLang = invalidLang(raw);
  if (badLang) problems.push(badLang);

  let media: LessonClip['media'];
  // Without consent the media is not even checked: its URLs never reach the card.
  if (base.mediaConsent !== false && base.media !== undefined && base.media !== null) {
    const parsed = z.safeParse(mediaSchema, base.media);
    if (parsed.success) media = parsed.data;
    else problems.push(...toIssues(parsed.error).map((i) => ({ ...i, path: `media.${i.path}` })));
  }

  const { media: _ignored, programme: _raw, ...rest } = base;
  const clip: LessonClip = { ...rest, programme: programme.success ? programme.data : 'custom' };
  if (media) clip.media = media;
  return { clip, problems };
}
