/**
 * The language of words the widget did not write: the school's (a lesson title, a matrix, a
 * chart's reward) or a family's (an answer, a reply). The card's own labels are in the
 * parent's language (`lang="ar"` on the card); the school's words are usually Dutch, and a
 * screen reader or the read-aloud button must speak them with a Dutch voice (WCAG 3.1.2,
 * language of parts).
 */

/**
 * A conservative BCP 47 tag: a 2–3 letter language, an optional 4-letter script, an optional
 * region (2 letters or 3 digits) and optional variants: `nl`, `en-GB`, `zh-Hant-TW`, `sr-Latn`.
 * Extensions, private use and grandfathered tags are refused (they name no voice).
 */
export const LANG_TAG_PATTERN =
  /^[a-zA-Z]{2,3}(?:-[a-zA-Z]{4})?(?:-(?:[a-zA-Z]{2}|[0-9]{3}))?(?:-(?:[a-zA-Z0-9]{5,8}|[0-9][a-zA-Z0-9]{3}))*$/;

export function isLangTag(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 35 && LANG_TAG_PATTERN.test(value);
}

/** Scripts written right to left, as `Intl.Locale#maximize()` names them. */
const RTL_SCRIPTS = new Set(['Arab', 'Hebr', 'Syrc', 'Thaa', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr', 'Yezi']);

function maximized(tag: string): Intl.Locale | undefined {
  try {
    return new Intl.Locale(tag).maximize();
  } catch {
    return undefined;
  }
}

/** `rtl` for a language written right to left (`ar`, `fa`, `he`, `ur`…), else `ltr`. */
export function directionOf(tag: string): 'ltr' | 'rtl' {
  const script = maximized(tag)?.script;
  return script && RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
}

/**
 * The tag a voice is asked for: a bare language gets its likely region (`nl` → `nl-NL`,
 * `en` → `en-US`, CLDR's likely subtags), so the browser picks that country's voice
 * rather than any voice of the language. A tag with a region is kept.
 */
export function voiceLang(tag: string): string {
  const locale = maximized(tag);
  if (!locale?.region) return tag;
  return `${locale.language}-${locale.region}`;
}

const primary = (tag: string) => tag.split('-')[0]!.toLowerCase();

/** Whether two tags name the same language (`nl` and `nl-BE` do; `nl` and `ar` don't). */
export function sameLanguage(a: string, b: string): boolean {
  return primary(a) === primary(b);
}

/** The `lang` and `dir` a piece of text gets inside the card, or none (it inherits the card's). */
export interface TextLanguage {
  lang?: string;
  dir?: 'ltr' | 'rtl' | 'auto';
}

/**
 * The school's words: `lang` (and that language's direction) when their language is known
 * and differs from the card's; nothing when it is the card's language or unknown, so the
 * text inherits as before.
 */
export function schoolText(contentLang: string | undefined, uiLang: string): TextLanguage {
  if (!contentLang || sameLanguage(contentLang, uiLang)) return {};
  return { lang: contentLang, dir: directionOf(contentLang) };
}

/**
 * A family's own words (an answer, a reply, a success): `dir="auto"` so Arabic typed in a
 * Dutch card reads right to left, and a `lang` only when it is known and differs.
 */
export function familyText(lang: string | undefined, uiLang: string): TextLanguage {
  return lang && !sameLanguage(lang, uiLang) ? { lang, dir: 'auto' } : { dir: 'auto' };
}

/**
 * The item's `lang` when the schema had to drop it (not a BCP 47 tag), as an issue for a
 * non-fatal `samen-error`; the value itself is left out, as in every issue.
 */
export function invalidLang(raw: unknown, path = 'lang'): { path: string; message: string } | undefined {
  const lang = raw && typeof raw === 'object' ? (raw as { lang?: unknown }).lang : undefined;
  return lang !== undefined && !isLangTag(lang) ? { path, message: 'not a BCP 47 language tag' } : undefined;
}
