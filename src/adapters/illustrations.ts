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
  nl: 'WEBVTT\n\n00:00.000 --> 00:04.000\nHoi! Vandaag leerden we hoe je een grens aangeeft.\n\n00:04.000 --> 00:08.000\nDat doe je met de WIsH-stappen.\n',
  en: 'WEBVTT\n\n00:00.000 --> 00:04.000\nHi! Today we learned how to set a boundary.\n\n00:04.000 --> 00:08.000\nYou do that with the WIsH steps.\n',
};

const DEMO_REF = /^(illustration|captions):(.+)$/;

/** The content behind a demo reference, e.g. for a server that serves it over HTTP. */
export function demoMedia(ref: string): { type: string; body: string } | undefined {
  const match = DEMO_REF.exec(ref);
  if (!match) return undefined;
  const [, kind, key] = match as unknown as [string, string, string];
  return kind === 'illustration'
    ? { type: 'image/svg+xml', body: svgFor(key) }
    : { type: 'text/vtt; charset=utf-8', body: CAPTIONS[key] ?? CAPTIONS['en']! };
}

/** Resolves `illustration:` and `captions:` references to blob: URLs; other URLs pass through unchanged. */
export function resolveDemoUrl(src: string): string {
  const media = demoMedia(src);
  if (!media || typeof URL.createObjectURL !== 'function') return src;
  const cached = cache.get(src);
  if (cached) return cached;
  const url = URL.createObjectURL(new Blob([media.body], { type: media.type }));
  cache.set(src, url);
  return url;
}

/** Deep-copies `value`, resolving every demo reference inside (to blob: URLs unless told otherwise). */
export function withDemoUrls<T>(value: T, resolve: (src: string) => string = resolveDemoUrl): T {
  if (typeof value === 'string') return (DEMO_REF.test(value) ? resolve(value) : value) as T;
  if (Array.isArray(value)) return (value as unknown[]).map((v) => withDemoUrls(v, resolve)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withDemoUrls(v, resolve)])) as T;
  }
  return value;
}
