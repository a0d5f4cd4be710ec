import { describe, expect, it } from 'vitest';
import {
  errorFromResponse,
  type HttpFailure,
  messageFromRpcStatus,
  messageFromTraceback,
  summariseValidationDetail,
} from './server-error.ts';

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

function failure(overrides: Partial<HttpFailure>): HttpFailure {
  return {
    dialect: '0.3',
    method: 'POST',
    route: '/v1/agl/rollouts/{rollout_id}/attempts',
    path: '/v1/agl/rollouts/ro-x/attempts',
    status: 500,
    contentType: 'application/json',
    body: new Uint8Array(0),
    ...overrides,
  };
}

const VALUE_ERROR_TRACEBACK = [
  'Traceback (most recent call last):',
  '  File "/venv/lib/python3.11/site-packages/agentlightning/store/collection_based.py", line 718, in _create_attempt',
  '    raise ValueError(f"Rollout {rollout_id} not found")',
  'ValueError: Rollout ro-x not found',
  '',
].join('\n');

const RESPONSE_VALIDATION_TRACEBACK = [
  'Traceback (most recent call last):',
  '  File "/venv/lib/python3.11/site-packages/fastapi/routing.py", line 352, in serialize_response',
  '    raise ResponseValidationError(',
  'fastapi.exceptions.ResponseValidationError: 2 validation errors:',
  "  {'type': 'model_attributes_type', 'loc': ('response', 'Rollout'), 'input': None}",
  '',
  '  File "/venv/lib/python3.11/site-packages/agentlightning/store/client_server.py", line 624, in get_rollout_by_id',
  '    GET /v1/agl/rollouts/{rollout_id}',
].join('\n');

describe('messageFromTraceback', () => {
  it('takes the message of the final exception line', () => {
    expect(messageFromTraceback(VALUE_ERROR_TRACEBACK, 'ValueError')).toBe(
      'Rollout ro-x not found',
    );
  });

  it('accepts a module-qualified class and keeps continuation lines', () => {
    expect(messageFromTraceback(RESPONSE_VALIDATION_TRACEBACK, 'ResponseValidationError')).toBe(
      "2 validation errors: {'type': 'model_attributes_type', 'loc': ('response', 'Rollout'), 'input': None}",
    );
  });

  it('falls back to the last line when the class is not found', () => {
    expect(messageFromTraceback('something\nelse happened', 'KeyError')).toBe('else happened');
  });
});

describe('summariseValidationDetail', () => {
  it('joins FastAPI 422 entries as location: message', () => {
    const detail = [
      {
        type: 'literal_error',
        loc: ['body', 'mode'],
        msg: "Input should be 'train', 'val' or 'test'",
      },
      { type: 'missing', loc: ['body', 'input'], msg: 'Field required' },
    ];
    expect(summariseValidationDetail(detail)).toBe(
      "body.mode: Input should be 'train', 'val' or 'test'; body.input: Field required",
    );
  });
});

describe('messageFromRpcStatus', () => {
  it('reads field 2 of a google.rpc.Status', () => {
    const message = new TextEncoder().encode('Unsupported content type');
    const bytes = new Uint8Array([0x08, 0x03, 0x12, message.length, ...message]);
    expect(messageFromRpcStatus(bytes)).toBe('Unsupported content type');
  });

  it('returns null for bytes it cannot read', () => {
    expect(messageFromRpcStatus(new Uint8Array([0x12, 0x40, 0x41]))).toBeNull();
  });
});

describe('errorFromResponse', () => {
  it('0.3: a 500 ValueError for an unknown rollout is not_found with the traceback message', () => {
    const error = errorFromResponse(
      failure({
        body: json({
          detail: 'Internal server error',
          error_type: 'ValueError',
          traceback: VALUE_ERROR_TRACEBACK,
        }),
      }),
    );
    expect(error).toMatchObject({
      kind: 'not_found',
      status: 500,
      dialect: '0.3',
      serverMessage: 'Rollout ro-x not found',
      errorType: 'ValueError',
      retryable: false,
    });
    expect(error.message).toBe(
      'AGL 0.3 store: POST /v1/agl/rollouts/ro-x/attempts failed with 500 ValueError: Rollout ro-x not found',
    );
  });

  it('0.3: "Item does not exist" is not_found too', () => {
    const traceback =
      "Traceback\nValueError: Item does not exist with primary key(s): rollout_id='x'";
    const error = errorFromResponse(
      failure({
        body: json({ detail: 'Internal server error', error_type: 'ValueError', traceback }),
      }),
    );
    expect(error.kind).toBe('not_found');
  });

  it('0.3: ResponseValidationError on a GET is the unknown-id case', () => {
    const error = errorFromResponse(
      failure({
        method: 'GET',
        route: '/v1/agl/rollouts/{rollout_id}',
        path: '/v1/agl/rollouts/nope',
        body: json({
          detail: 'Internal server error',
          error_type: 'ResponseValidationError',
          traceback: RESPONSE_VALIDATION_TRACEBACK,
        }),
      }),
    );
    expect(error.kind).toBe('not_found');
  });

  it('0.3: any other store exception is an application error that a safe call may retry', () => {
    const traceback = 'Traceback\nRuntimeError: Spans for rollout ro-x have been evicted';
    const error = errorFromResponse(
      failure({
        body: json({ detail: 'Internal server error', error_type: 'RuntimeError', traceback }),
      }),
    );
    expect(error).toMatchObject({ kind: 'application', retryable: true });
    expect(error.serverMessage).toBe('Spans for rollout ro-x have been evicted');
  });

  it('0.3: a 400 with a string detail is a validation error', () => {
    const error = errorFromResponse(
      failure({
        status: 400,
        body: json({ detail: 'status is invalid; it cannot be a null value.' }),
      }),
    );
    expect(error).toMatchObject({
      kind: 'validation',
      serverMessage: 'status is invalid; it cannot be a null value.',
    });
  });

  it('0.2: a 400 store error carries detail as the message', () => {
    const error = errorFromResponse(
      failure({
        dialect: '0.2',
        status: 400,
        route: '/start_attempt',
        path: '/start_attempt',
        body: json({ detail: 'Rollout nope not found', error_type: 'ValueError', traceback: 'x' }),
      }),
    );
    expect(error).toMatchObject({
      kind: 'not_found',
      status: 400,
      serverMessage: 'Rollout nope not found',
      retryable: false,
    });
  });

  it('0.2: other store errors are application errors, not retried', () => {
    const error = errorFromResponse(
      failure({
        dialect: '0.2',
        status: 400,
        body: json({
          detail: 'Attempt at-1 does not belong to rollout ro-2',
          error_type: 'ValueError',
          traceback: 'x',
        }),
      }),
    );
    expect(error).toMatchObject({ kind: 'application', retryable: false });
  });

  it('422 is validation, with the fields named', () => {
    const error = errorFromResponse(
      failure({
        status: 422,
        body: json({
          detail: [{ loc: ['body', 'status'], msg: 'Input should be ...', type: 'enum' }],
        }),
      }),
    );
    expect(error).toMatchObject({
      kind: 'validation',
      serverMessage: 'body.status: Input should be ...',
    });
  });

  it('404 means the route is unknown: a protocol error with a hint', () => {
    const error = errorFromResponse(failure({ status: 404, body: json({ detail: 'Not Found' }) }));
    expect(error.kind).toBe('protocol');
    expect(error.message).toMatch(/is it an AGL store of this dialect\?/);
  });

  it('429, 502, 503 and 504 are unavailable and retryable', () => {
    for (const status of [429, 502, 503, 504]) {
      expect(errorFromResponse(failure({ status, contentType: 'text/plain' }))).toMatchObject({
        kind: 'unavailable',
        retryable: true,
      });
    }
  });

  it('the OTLP route: text/plain 500 and protobuf 400', () => {
    const plain = errorFromResponse(
      failure({
        route: '/v1/traces',
        path: '/v1/traces',
        contentType: 'text/plain; charset=utf-8',
        body: new TextEncoder().encode('Internal Server Error'),
      }),
    );
    expect(plain).toMatchObject({ kind: 'application', serverMessage: 'Internal Server Error' });
    const text = new TextEncoder().encode('bad body');
    const rejected = errorFromResponse(
      failure({
        status: 400,
        contentType: 'application/x-protobuf',
        body: new Uint8Array([0x12, text.length, ...text]),
      }),
    );
    expect(rejected).toMatchObject({ kind: 'validation', serverMessage: 'bad body' });
  });
});
