import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

/** Stable error codes clients may rely on, each with its one HTTP status. */
const STATUS_BY_CODE = {
  validation_failed: 400,
  invalid_credentials: 401,
  unauthenticated: 401,
  account_locked: 423,
  forbidden: 403,
  csrf_rejected: 403,
  not_found: 404,
  version_conflict: 409,
  conflict: 409,
  duplicate_customer: 409,
  already_claimed: 409,
  holding_limit_reached: 409,
  claim_cooldown: 409,
  claim_quota_reached: 409,
  grading_in_progress: 409,
  stage_gate_unmet: 422,
  unprocessable: 422,
  payload_too_large: 413,
  rate_limited: 429,
  export_quota_exceeded: 429,
  internal_error: 500,
} as const;

export type ErrorCode = keyof typeof STATUS_BY_CODE;

export interface FieldError {
  field: string;
  message: string;
  [extra: string]: unknown;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors?: unknown[],
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.status = STATUS_BY_CODE[code];
  }
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  422: 'Unprocessable Content',
  423: 'Locked',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

export const notFound = (what = 'Resource') => new AppError('not_found', `${what} not found`);
export const forbidden = (detail = 'You are not allowed to do this') =>
  new AppError('forbidden', detail);
export const unauthenticated = () => new AppError('unauthenticated', 'Log in first');
export const validationFailed = (errors: FieldError[]) =>
  new AppError(
    'validation_failed',
    errors.map((error) => `${error.field}: ${error.message}`).join('; '),
    errors,
  );
export const versionConflict = (current: unknown) =>
  new AppError(
    'version_conflict',
    'Someone else changed this record; reload and apply your change again',
    undefined,
    { current },
  );

export function sendProblem(reply: FastifyReply, error: AppError): FastifyReply {
  return reply
    .status(error.status)
    .type('application/problem+json')
    .send({
      type: `https://funnel-crm.dev/problems/${error.code}`,
      title: TITLES[error.status] ?? 'Error',
      status: error.status,
      code: error.code,
      detail: error.message,
      ...(error.errors ? { errors: error.errors } : {}),
      ...error.extra,
    });
}

/** One place turning every thrown error into problem+json. */
export function registerErrorHandling(app: FastifyInstance, options: { spaIndex: boolean }): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) return sendProblem(reply, error);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = error.validation.map((issue) => ({
        field: [error.validationContext, ...issue.instancePath.split('/').filter(Boolean)]
          .filter(Boolean)
          .join('.'),
        message: issue.message ?? 'is invalid',
      }));
      return sendProblem(reply, validationFailed(errors));
    }
    if (
      error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
      error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
    ) {
      return sendProblem(reply, validationFailed([{ field: 'body', message: error.message }]));
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.code === 'FST_REQ_FILE_TOO_LARGE') {
      return sendProblem(reply, new AppError('payload_too_large', error.message));
    }
    if (error.statusCode === 429) {
      return sendProblem(reply, new AppError('rate_limited', error.message));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(reply, new AppError('validation_failed', error.message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, new AppError('internal_error', 'Something went wrong on our side'));
  });

  app.setNotFoundHandler((request, reply) => {
    // Client-side routes of the web app (e.g. /settings/users) get the app's index page.
    const isPage =
      request.method === 'GET' &&
      !request.url.startsWith('/api/') &&
      (request.headers.accept ?? '').includes('text/html');
    if (options.spaIndex && isPage) return reply.sendFile('index.html');
    return sendProblem(
      reply,
      new AppError('not_found', `No route ${request.method} ${request.url}`),
    );
  });
}
