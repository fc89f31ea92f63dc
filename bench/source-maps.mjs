/**
 * The build's source maps, read for the benches' CPU profiles (bench/phone.mjs --profile,
 * bench/runtime/profile.mjs): which source file and line a sample of the minified bundle ran.
 * Hand-written (the Source Map spec's base64 VLQ) rather than a dependency: a profile needs
 * only a segment's generated column, source and original line, and the one library that does
 * this (@jridgewell/trace-mapping) is only in node_modules as another tool's dependency.
 */

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * A source map's `mappings` as one list per generated line of `[column, source index, original
 * line]` (all zero-based), sorted by column as the spec writes them. Segments that map to no
 * source (one field) are left out.
 * @param {string} mappings
 * @returns {[number, number, number][][]}
 */
export function decodeMappings(mappings) {
  /** @type {[number, number, number][][]} */
  const lines = [];
  // Source index and original line carry over from segment to segment, across lines too.
  let source = 0;
  let originalLine = 0;
  for (const line of mappings.split(';')) {
    /** @type {[number, number, number][]} */
    const segments = [];
    let column = 0;
    for (const segment of line.split(',')) {
      if (!segment) continue;
      /** @type {number[]} */
      const fields = [];
      for (let i = 0, value = 0, shift = 0; i < segment.length; i++) {
        const digit = BASE64.indexOf(segment[i]);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = shift = 0;
        }
      }
      column += fields[0];
      if (fields.length > 1) {
        source += fields[1];
        originalLine += fields[2] ?? 0;
        segments.push([column, source, originalLine]);
      }
    }
    lines.push(segments);
  }
  return lines;
}

/**
 * One parsed source map: `position(line, column)` (zero-based, as a CPU profile's call frame
 * gives them) → the source as the map names it and its zero-based line, or undefined.
 * @param {{ sources: string[], mappings: string }} raw the map's JSON
 */
export function sourceMap(raw) {
  const lines = decodeMappings(raw.mappings);
  return {
    sources: raw.sources,
    /** @returns {{ source: string, line: number } | undefined} */
    position(/** @type {number} */ line, /** @type {number} */ column) {
      const segments = lines[line];
      if (!segments?.length) return undefined;
      let found;
      for (let lo = 0, hi = segments.length - 1; lo <= hi;) {
        const mid = (lo + hi) >> 1;
        if (segments[mid][0] <= column) {
          found = segments[mid];
          lo = mid + 1;
        } else hi = mid - 1;
      }
      return found && { source: raw.sources[found[1]], line: found[2] };
    },
  };
}
