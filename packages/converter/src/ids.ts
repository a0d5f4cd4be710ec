const TRACE_ID = /^[0-9a-f]{32}$/;
const SPAN_ID = /^[0-9a-f]{16}$/;
const HEX = /^[0-9a-f]+$/;

/** 32 lowercase hex characters, as Python's `format_trace_id` writes them. */
export function formatTraceId(id: unknown): string {
  return typeof id === 'string' && TRACE_ID.test(id) ? id : normalizeHexId(id, 32);
}

/** 16 lowercase hex characters, as Python's `format_span_id` writes them. */
export function formatSpanId(id: unknown): string {
  return typeof id === 'string' && SPAN_ID.test(id) ? id : normalizeHexId(id, 16);
}

/**
 * Upper-case or short hex ids are lower-cased and zero-padded (a 64-bit id fits a 128-bit
 * field); anything else, which a conforming SDK never produces, is replaced by a stable hash so
 * the span still has an id of the right shape and the same input always maps to the same id.
 */
function normalizeHexId(id: unknown, width: number): string {
  const text = typeof id === 'string' ? id.toLowerCase() : String(id ?? '');
  if (HEX.test(text)) {
    return text.length <= width ? text.padStart(width, '0') : text.slice(-width);
  }
  return stableHexHash(text, width);
}

// FNV-1a over UTF-16 code units, repeated with different seeds until `width` hex digits exist.
function stableHexHash(text: string, width: number): string {
  let hex = '';
  for (let seed = 0; hex.length < width; seed++) {
    let hash = 0x811c9dc5 ^ seed;
    for (let index = 0; index < text.length; index++) {
      hash ^= text.charCodeAt(index);
      hash = Math.imul(hash, 0x01000193);
    }
    hex += (hash >>> 0).toString(16).padStart(8, '0');
  }
  return hex.slice(0, width);
}
