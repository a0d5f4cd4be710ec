import type { Span } from './model.ts';

/**
 * The span as a plain object tree. The OpenAPI types model AGL's open objects (`extra="allow"`)
 * with index signatures, which TypeScript interfaces do not satisfy; copying makes them plain.
 */
export function toWireSpan(span: Span) {
  return {
    ...span,
    status: { ...span.status },
    events: span.events.map((event) => ({ ...event })),
    links: span.links.map((link) => ({ ...link, context: { ...link.context } })),
    context: span.context === null ? null : { ...span.context },
    parent: span.parent === null ? null : { ...span.parent },
    resource: { ...span.resource },
  };
}
