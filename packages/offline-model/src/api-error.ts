/** An error answered in OpenAI's shape: `{ error: { message, type, param, code } }`. */
export class ApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly param: string | null;
  readonly code: string | null;

  constructor(
    status: number,
    message: string,
    details: { type?: string; param?: string | null; code?: string | null } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.type = details.type ?? (status >= 500 ? 'server_error' : 'invalid_request_error');
    this.param = details.param ?? null;
    this.code = details.code ?? null;
  }

  toBody(): ApiErrorBody {
    return {
      error: { message: this.message, type: this.type, param: this.param, code: this.code },
    };
  }
}

export interface ApiErrorBody {
  readonly error: {
    readonly message: string;
    readonly type: string;
    readonly param: string | null;
    readonly code: string | null;
  };
}

/** A 400 for a request body that is well-formed JSON but not a valid request. */
export function invalidRequest(
  message: string,
  param: string | null = null,
  code?: string,
): ApiError {
  return new ApiError(400, message, { param, code: code ?? (param ? 'invalid_value' : null) });
}
