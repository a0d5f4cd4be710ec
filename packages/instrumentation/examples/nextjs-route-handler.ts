// A Next.js App Router route handler (`app/api/greet/route.ts`) on a serverless host such as
// Vercel: the response is sent once this request's run is stored in AGL. Pair it with the
// `instrumentation.ts` hook of nextjs-instrumentation.ts and AGL_EXPORT_MODE=immediate.
import { aglHandles, withAglContext } from '@agl/instrumentation';
import { mastra } from './mastra-dev-entry.ts';

export const runtime = 'nodejs';

export async function POST(request: Request): Promise<Response> {
  const { text, userId } = (await request.json()) as { text: string; userId: string };
  const result = await withAglContext({ userId, tags: ['api'] }, () =>
    mastra.getAgent('greeter').generate(text),
  );
  const stored = result.traceId ? await aglHandles()?.flushRun(result.traceId) : undefined;
  return Response.json({ text: result.text, traceId: result.traceId, stored });
}
