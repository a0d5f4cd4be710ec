// An AWS Lambda-style handler. The platform may freeze the process as soon as the handler returns,
// so the handler awaits its own run in AGL before returning, and nothing else: other requests'
// runs keep flowing in the background. Run with AGL_ENABLED=true AGL_EXPORT_MODE=immediate.
import '@agl/instrumentation/register';
import { aglHandles, withAglContext } from '@agl/instrumentation';
import { mastra } from './mastra-dev-entry.ts';

interface GreetEvent {
  text: string;
  userId: string;
  sessionId?: string;
}

export async function handler(event: GreetEvent) {
  const result = await withAglContext({ userId: event.userId, sessionId: event.sessionId }, () =>
    mastra.getAgent('greeter').generate(event.text),
  );
  const stored = result.traceId ? await aglHandles()?.flushRun(result.traceId) : undefined;
  return {
    statusCode: 200,
    body: JSON.stringify({ text: result.text, traceId: result.traceId, stored }),
  };
}
