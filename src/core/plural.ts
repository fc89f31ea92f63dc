/**
 * Plural forms for message tables. Languages count differently: English has two forms,
 * Polish and Ukrainian four (1 znak, 2 znaki, 5 znaków), Arabic six (zero, one, two, few,
 * many, other). The browser's `Intl.PluralRules` knows which form a number takes; a table
 * only writes the forms its language has.
 */
export interface PluralForms {
  /** Always required: the form for every category the language has no other form for. */
  other: string;
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
}

const rules = new Map<string, Intl.PluralRules>();

/**
 * The form of `forms` that `n` takes in `locale`, e.g. `plural('pl', 22, { one: 'znak',
 * few: 'znaki', many: 'znaków', other: 'znaku' })` → `znaki`. A missing form falls back to
 * `other`. The `Intl.PluralRules` per locale is made once and cached.
 */
export function plural(locale: string, n: number, forms: PluralForms): string {
  let rule = rules.get(locale);
  if (!rule) rules.set(locale, (rule = new Intl.PluralRules(locale)));
  return forms[rule.select(n)] ?? forms.other;
}
