// Prettier for @samen/widgets: `npm run format` writes, `npm run format:check` (CI) checks.
// Chosen to keep the house style: single quotes, lines up to 140 characters.
/** @type {import('prettier').Config} */
export default {
  singleQuote: true,
  printWidth: 140,
  // Keys are quoted where the codebase quotes them ('matrix-id', 'nl'), not all or none per object.
  quoteProps: 'preserve',
  // A tag split over lines closes with `>` on its last line, as the demo pages and JSX here write it.
  bracketSameLine: true,
  // Lit's html`` and css`` are left as written: whitespace in a template is rendered text
  // (textContent, spacing between inline elements), which a formatter must not move.
  embeddedLanguageFormatting: 'off',
};
