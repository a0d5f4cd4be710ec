import { SpanKind } from '@opentelemetry/api';

const NAMES: Record<number, string> = {
  [SpanKind.INTERNAL]: 'SpanKind.INTERNAL',
  [SpanKind.SERVER]: 'SpanKind.SERVER',
  [SpanKind.CLIENT]: 'SpanKind.CLIENT',
  [SpanKind.PRODUCER]: 'SpanKind.PRODUCER',
  [SpanKind.CONSUMER]: 'SpanKind.CONSUMER',
};

/** The span kind as AGL's Python side stores it (`str()` of Python's SpanKind enum). */
export function spanKindName(kind: SpanKind | undefined): string {
  return NAMES[kind ?? SpanKind.INTERNAL] ?? 'SpanKind.INTERNAL';
}
