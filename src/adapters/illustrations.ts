/**
 * Demo pictures made on the device, so the demo, tests and Storybook never request
 * a third party. Seed data refers to them as `illustration:<key>` and `captions:<lang>`;
 * the memory adapter swaps those for blob: URLs on read.
 */
const cache = new Map<string, string>();

const PALETTES = [
  ['#ffe8c2', '#f29e4c', '#1a6b58'],
  ['#d8ecff', '#4c8df2', '#7a3fb0'],
  ['#e3f6e8', '#3fae6a', '#d9534f'],
  ['#fde2ec', '#e0609a', '#2b6cb0'],
];

function hash(text: string): number {
  let h = 0;
  for (const ch of text) h = (Math.imul(h, 31) + ch.charCodeAt(0)) >>> 0;
  return h;
}

function svgFor(key: string): string {
  const h = hash(key);
  const [bg, a, b] = PALETTES[h % PALETTES.length]!;
  const people = Array.from({ length: 3 + (h % 3) }, (_, i) => {
    const x = 60 + i * 90;
    const colour = i % 2 ? a : b;
    return `<circle cx="${x}" cy="120" r="26" fill="${colour}"/><rect x="${x - 30}" y="152" width="60" height="70" rx="24" fill="${colour}"/>`;
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 480 270"><rect width="480" height="270" fill="${bg}"/><circle cx="410" cy="55" r="30" fill="#fff" opacity=".7"/>${people}</svg>`;
}

const CAPTIONS: Record<string, string> = {
  nl: 'WEBVTT\n\n00:00.000 --> 00:04.000\nHoi! Vandaag leerden we wie we zijn.\n\n00:04.000 --> 00:08.000\nIk ben goed in helpen en tekenen.\n',
  en: 'WEBVTT\n\n00:00.000 --> 00:04.000\nHi! Today we learned who we are.\n\n00:04.000 --> 00:08.000\nI am good at helping and drawing.\n',
};

/** Resolves `illustration:` and `captions:` references; other URLs pass through unchanged. */
export function resolveDemoUrl(src: string): string {
  const match = /^(illustration|captions):(.+)$/.exec(src);
  if (!match || typeof URL.createObjectURL !== 'function') return src;
  const cached = cache.get(src);
  if (cached) return cached;
  const [, kind, key] = match as unknown as [string, string, string];
  const blob =
    kind === 'illustration'
      ? new Blob([svgFor(key)], { type: 'image/svg+xml' })
      : new Blob([CAPTIONS[key] ?? CAPTIONS['en']!], { type: 'text/vtt' });
  const url = URL.createObjectURL(blob);
  cache.set(src, url);
  return url;
}

/** Deep-copies `value`, resolving every demo URL string inside. */
export function withDemoUrls<T>(value: T): T {
  if (typeof value === 'string') return resolveDemoUrl(value) as T;
  if (Array.isArray(value)) return value.map(withDemoUrls) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withDemoUrls(v)])) as T;
  }
  return value;
}
