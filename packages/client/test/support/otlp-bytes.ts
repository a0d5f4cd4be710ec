// A minimal protobuf encoder for one OTLP ExportTraceServiceRequest, enough to exercise
// AGL 0.3's /v1/traces route in tests without an OpenTelemetry SDK.

function varint(value: number | bigint): number[] {
  let rest = BigInt(value);
  const bytes: number[] = [];
  do {
    let byte = Number(rest & 0x7fn);
    rest >>= 7n;
    if (rest > 0n) byte |= 0x80;
    bytes.push(byte);
  } while (rest > 0n);
  return bytes;
}

function field(number: number, payload: number[] | Uint8Array): number[] {
  return [...varint((number << 3) | 2), ...varint(payload.length), ...payload];
}

function fixed64(number: number, value: bigint): number[] {
  const bytes = [...varint((number << 3) | 1)];
  for (let index = 0n; index < 8n; index++) bytes.push(Number((value >> (8n * index)) & 0xffn));
  return bytes;
}

const utf8 = (text: string) => [...new TextEncoder().encode(text)];
const hex = (text: string) => (text.match(/../g) ?? []).map((pair) => Number.parseInt(pair, 16));

function stringAttribute(key: string, value: string): number[] {
  return field(1, [...field(1, utf8(key)), ...field(2, field(1, utf8(value)))]);
}

export interface OtlpTestSpan {
  rolloutId: string;
  attemptId: string;
  traceId: string;
  spanId: string;
  name: string;
  startNs: bigint;
  endNs: bigint;
}

export function encodeTraceRequest(span: OtlpTestSpan): Uint8Array {
  const resource = [
    ...stringAttribute('agentlightning.rollout_id', span.rolloutId),
    ...stringAttribute('agentlightning.attempt_id', span.attemptId),
  ];
  const otlpSpan = [
    ...field(1, hex(span.traceId)),
    ...field(2, hex(span.spanId)),
    ...field(5, utf8(span.name)),
    ...fixed64(7, span.startNs),
    ...fixed64(8, span.endNs),
  ];
  const scopeSpans = field(2, otlpSpan);
  const resourceSpans = [...field(1, resource), ...field(2, scopeSpans)];
  return new Uint8Array(field(1, resourceSpans));
}
