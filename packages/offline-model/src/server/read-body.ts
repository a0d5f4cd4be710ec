import type { IncomingMessage } from 'node:http';
import { ApiError } from '../api-error.ts';

export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

/**
 * Reads a request body up to `limit` bytes. A larger body is drained (up to four times the
 * limit, so the client can read our answer) and then refused with a 413.
 */
export function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length']);
    const tooLarge = () =>
      new ApiError(
        413,
        `The request body exceeds the offline model's limit of ${formatBytes(limit)}.`,
        {
          code: 'request_too_large',
        },
      );
    const chunks: Buffer[] = [];
    let size = 0;
    let overflow = Number.isFinite(declared) && declared > limit;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) overflow = true;
      if (!overflow) chunks.push(chunk);
      else if (size > limit * 4) {
        request.pause();
        reject(tooLarge());
      }
    });
    request.on('end', () => (overflow ? reject(tooLarge()) : resolve(Buffer.concat(chunks, size))));
    request.on('error', reject);
    request.on('aborted', () => reject(new ApiError(400, 'The client aborted the request.')));
  });
}

/** Parses a body as JSON, with a 400 that says what is wrong when it is not. */
export function parseJsonBody(body: Buffer): unknown {
  const text = body.toString('utf8');
  if (text.trim() === '') {
    throw new ApiError(400, 'The request body is empty: send a JSON object.', {
      code: 'invalid_json',
    });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ApiError(
      400,
      `The request body is not valid JSON (${(error as Error).message}). ` +
        'Send a JSON object with Content-Type: application/json.',
      { code: 'invalid_json' },
    );
  }
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} kB`;
  return `${bytes} bytes`;
}
