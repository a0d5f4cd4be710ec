import { LOG_EVENT_BODY_KEY } from '@agl/client';
import {
  type Attributes,
  type AttributeValue,
  type Context,
  diag,
  trace,
} from '@opentelemetry/api';
import type { AnyValue } from '@opentelemetry/api-logs';
import type { LogRecordProcessor, SdkLogRecord } from '@opentelemetry/sdk-logs';

const GEN_AI_EVENT_PREFIX = 'gen_ai.';
const EVENT_NAME_KEY = 'event.name';

export interface GenAiLogEventStats {
  /** Log events added to their span. */
  attached: number;
  /** Log events that could not reach AGL, by reason. */
  dropped: {
    /** No span in the record's context (emitted outside any traced call). */
    no_span: number;
    /** The span had already ended. */
    span_ended: number;
  };
}

/**
 * A log record processor for instrumentations that send message content as GenAI log events
 * (`gen_ai.user.message`, `gen_ai.choice`, …) instead of span attributes, as
 * `@opentelemetry/instrumentation-openai` does: each such event becomes an event of the span it
 * was emitted in, while that span still records, so the content travels with the span to AGL.
 * Other log records are left alone; the record itself goes on to any other processor.
 */
export class GenAiLogEventsProcessor implements LogRecordProcessor {
  private readonly stats: GenAiLogEventStats = {
    attached: 0,
    dropped: { no_span: 0, span_ended: 0 },
  };
  private warned = false;

  onEmit(record: SdkLogRecord, context?: Context): void {
    const name = eventName(record);
    if (name === undefined || !name.startsWith(GEN_AI_EVENT_PREFIX)) return;
    const span = context === undefined ? undefined : trace.getSpan(context);
    if (span === undefined || !sameSpan(span.spanContext().spanId, record)) {
      this.drop('no_span', name);
      return;
    }
    if (!span.isRecording()) {
      this.drop('span_ended', name);
      return;
    }
    span.addEvent(name, eventAttributes(record), record.hrTime);
    this.stats.attached++;
  }

  /** Running totals (a copy). */
  getStats(): GenAiLogEventStats {
    return { attached: this.stats.attached, dropped: { ...this.stats.dropped } };
  }

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }

  private drop(reason: keyof GenAiLogEventStats['dropped'], name: string): void {
    this.stats.dropped[reason]++;
    if (this.warned) return;
    this.warned = true;
    diag.warn(
      `[agl] The GenAI log event ${name} could not be added to its span (${reason === 'no_span' ? 'no span in its context' : 'the span had ended'}); its content does not reach AGL. ` +
        'Further ones are only counted (GenAiLogEventsProcessor.getStats()).',
    );
  }
}

function eventName(record: SdkLogRecord): string | undefined {
  if (typeof record.eventName === 'string' && record.eventName !== '') return record.eventName;
  const fromAttribute = record.attributes[EVENT_NAME_KEY];
  return typeof fromAttribute === 'string' ? fromAttribute : undefined;
}

/** A record emitted with an explicit span context must belong to the span found in context. */
function sameSpan(spanId: string, record: SdkLogRecord): boolean {
  return record.spanContext === undefined || record.spanContext.spanId === spanId;
}

function eventAttributes(record: SdkLogRecord): Attributes {
  const attributes: Attributes = {};
  for (const [key, value] of Object.entries(record.attributes)) {
    if (key === EVENT_NAME_KEY || value === undefined || value === null) continue;
    attributes[key] = asAttributeValue(value);
  }
  if (record.body !== undefined && record.body !== null) {
    attributes[LOG_EVENT_BODY_KEY] = jsonText(record.body);
  }
  return attributes;
}

/** Span event attributes are flat: nested log values travel as JSON text. */
function asAttributeValue(value: AnyValue): AttributeValue {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  if (Array.isArray(value) && value.every((item) => typeof item === 'string') && value.length > 0) {
    return value as string[];
  }
  return jsonText(value);
}

function jsonText(value: AnyValue): string {
  try {
    return JSON.stringify(value, (_key, item: unknown) =>
      item instanceof Uint8Array ? Buffer.from(item).toString('base64') : item,
    );
  } catch {
    return String(value);
  }
}
