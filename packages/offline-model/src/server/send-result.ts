import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { EndpointResult } from '../endpoints/endpoint-result.ts';

const COMMON_HEADERS = { 'x-offline-model': 'deterministic' };

/** Writes an endpoint result: JSON in one piece, events one by one (honouring backpressure). */
export async function sendResult(response: ServerResponse, result: EndpointResult): Promise<void> {
  if (result.kind === 'json') {
    const text = JSON.stringify(result.body);
    response.writeHead(result.status, {
      ...COMMON_HEADERS,
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text),
    });
    response.end(text);
    return;
  }
  response.writeHead(200, {
    ...COMMON_HEADERS,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  let index = 0;
  for (const event of result.events) {
    if (response.destroyed) return;
    const frame = `${event.event === undefined ? '' : `event: ${event.event}\n`}data: ${event.data}\n\n`;
    if (!response.write(frame)) {
      await Promise.race([once(response, 'drain'), once(response, 'close')]);
    }
    // Let other requests (and the client) make progress between batches of events.
    if (++index % 16 === 0) await yieldToLoop();
  }
  response.end();
}
