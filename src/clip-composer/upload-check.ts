/**
 * What a teacher may upload, and the check of one file against it: no zod here, so the
 * HttpAdapter (which checks an upload before sending it) does not bring the composer's schemas
 * to every page that reads a lesson clip (issue 23). src/clip-composer/schemas.ts re-exports it.
 */
/** What a teacher may attach to a clip: types by MIME type or file extension, and sizes. */
export const MEDIA_LIMITS = {
  video: { types: ['video/mp4', 'video/webm'], extensions: ['.mp4', '.webm'], maxBytes: 200 * 1024 * 1024 },
  photo: { types: ['image/jpeg', 'image/png', 'image/webp'], extensions: ['.jpg', '.jpeg', '.png', '.webp'], maxBytes: 10 * 1024 * 1024 },
  captions: { types: ['text/vtt'], extensions: ['.vtt'], maxBytes: 1024 * 1024 },
  /** Photos per clip, as the composer's media schema allows. */
  photos: 20,
} as const;

export const UPLOAD_KINDS = ['video', 'photo', 'captions'] as const;
export type UploadKind = (typeof UPLOAD_KINDS)[number];

export type UploadCheck = { ok: true; type: string } | { ok: false; reason: 'wrong-type' | 'too-big' | 'empty'; maxBytes: number };

/**
 * Whether a file may be uploaded as `kind`: its MIME type (or, when the browser gives none,
 * its extension) and its size. The composer checks before sending; adapters check again.
 */
export function checkUpload(file: { name: string; type: string; size: number }, kind: UploadKind): UploadCheck {
  const limits = MEDIA_LIMITS[kind];
  const mime = file.type.split(';')[0]!.trim().toLowerCase();
  const name = file.name.toLowerCase();
  const byExtension = limits.extensions.findIndex((ext) => name.endsWith(ext));
  const types: readonly string[] = limits.types;
  const type = types.includes(mime) ? mime : !mime && byExtension >= 0 ? inferType(kind, limits.extensions[byExtension]!) : undefined;
  if (!type) return { ok: false, reason: 'wrong-type', maxBytes: limits.maxBytes };
  if (!(file.size > 0)) return { ok: false, reason: 'empty', maxBytes: limits.maxBytes };
  if (file.size > limits.maxBytes) return { ok: false, reason: 'too-big', maxBytes: limits.maxBytes };
  return { ok: true, type };
}

function inferType(kind: UploadKind, extension: string): string {
  if (kind === 'captions') return 'text/vtt';
  const ext = extension.slice(1);
  return kind === 'video' ? `video/${ext}` : `image/${ext === 'jpg' ? 'jpeg' : ext}`;
}
