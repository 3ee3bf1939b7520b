/**
 * Every error code the api answers, over HTTP and on socket acks, with its one HTTP status. This is the
 * only place a status is chosen: `DomainError` takes a code from here and the filter answers its status,
 * so one code can never mean two statuses (test/error-codes.e2e-spec.ts scans the sources for codes that
 * bypass it). A new code is a line here; reuse a code only for the same meaning and status.
 */
export const ERROR_CODES = {
  // The HTTP layer (Nest, fastify) and the contract's generic codes.
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  NOT_ACCEPTABLE: 406,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  // MySQL or Redis out of reach (a restart, a lost connection): retry after Retry-After.
  SERVICE_UNAVAILABLE: 503,
  IDEMPOTENCY_KEY_REUSED: 422,
  IDEMPOTENCY_IN_PROGRESS: 409,
  // A change that collided with others on a database lock (a deadlock) and was rolled back: retry after Retry-After.
  TRY_AGAIN: 409,
  // identity, regions
  INVALID_CREDENTIALS: 401,
  WRONG_PASSWORD: 403,
  ACCOUNT_DISABLED: 403,
  EMAIL_TAKEN: 409,
  REGION_EXISTS: 409,
  // consultations
  SLOT_TAKEN: 409,
  ALREADY_BOOKED_THEN: 409,
  DAILY_CAP_REACHED: 409,
  BOOKING_LIMIT_MENTOR: 409,
  BOOKING_LIMIT_TOTAL: 409,
  NOT_BOOKED: 409,
  NOT_STARTED: 409,
  ALREADY_STARTED: 409,
  OUTCOME_EXISTS: 409,
  NOT_A_SLOT: 422,
  IN_THE_PAST: 422,
  // workshops
  SPEAKER_BUSY: 409,
  ALREADY_REGISTERED: 409,
  WORKSHOP_CANCELLED: 409,
  REGISTRATION_CLOSED: 409,
  WORKSHOP_NOT_DRAFT: 409,
  WORKSHOP_NOT_EDITABLE: 409,
  SESSION_IN_PAST: 409,
  SESSION_STARTED: 409,
  CAPACITY_TOO_LOW: 409,
  FEEDBACK_EXISTS: 409,
  NOT_ATTENDED: 403,
  REGISTRATION_NOT_FOUND: 404,
  // a workshop session's rooms (video and the live room)
  NOT_REGISTERED: 403,
  REMOVED_FROM_ROOM: 403,
  NOT_JOINED: 403,
  NOT_IN_ROOM: 404,
  NOT_OPEN: 409,
  NOT_AN_ATTENDEE: 409,
  NOT_YOURSELF: 409,
  POLL_CLOSED: 409,
  INVALID_SIGNATURE: 401,
  // notifications
  NOT_FAILED: 409,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_CODES;

export const isErrorCode = (code: unknown): code is ErrorCode => typeof code === 'string' && Object.hasOwn(ERROR_CODES, code);

/** The code for an error that carries only a status (Nest's own exceptions, fastify's): one per status. */
export const GENERIC_CODES: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'RATE_LIMITED',
};
