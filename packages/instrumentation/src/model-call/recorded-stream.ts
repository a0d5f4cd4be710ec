import type { Tracer } from '@opentelemetry/api';
import { cancelCall, finishCall, type StartedCall } from './call-span.ts';
import type { StreamPart } from './sdk-types.ts';
import { StreamCollector } from './stream-collector.ts';

export interface RecordedStreamOptions {
  tracer: Tracer;
  toolCallSpans: boolean;
  /** False when raw chunks were requested only for recording: they are read, then dropped. */
  forwardRaw: boolean;
}

/**
 * The provider's stream, passed through unchanged while it is recorded; the call's span ends
 * once, when the stream finishes or the consumer cancels it.
 */
export function recordedStream(
  stream: ReadableStream<StreamPart>,
  call: StartedCall,
  options: RecordedStreamOptions,
): ReadableStream<StreamPart> {
  const collector = new StreamCollector();
  let ended = false;
  const end = (finish: () => void) => {
    if (ended) return;
    ended = true;
    finish();
  };
  return stream.pipeThrough(
    new TransformStream<StreamPart, StreamPart>({
      transform(part, controller) {
        collector.add(part);
        if (part.type === 'raw' && !options.forwardRaw) return;
        controller.enqueue(part);
      },
      flush() {
        end(() =>
          finishCall(call.span, options.tracer, options.toolCallSpans, () => collector.outcome()),
        );
      },
      cancel(reason) {
        end(() => cancelCall(call.span, () => collector.outcome(), reason));
      },
    }),
  );
}
