import type { Span } from '@agl/client';

/** A numeric attribute; numeric strings count too (some emitters stringify numbers). */
export function numberAttribute(span: Span, key: string): number | null {
  const value = span.attributes[key];
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}

/** A non-empty string attribute. */
export function stringAttribute(span: Span, key: string): string | null {
  const value = span.attributes[key];
  return typeof value === 'string' && value !== '' ? value : null;
}
