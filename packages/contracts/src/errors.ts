import { z } from 'zod';

/**
 * The closed set of error codes the API returns. Codes are stable: clients
 * (the web app, the CLI, third parties) translate and branch on them.
 */
export const ERROR_CODES = {
  validation_failed: 400,
  malformed_json: 400,
  unsupported_media_type: 415,
  payload_too_large: 413,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  route_not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** One problem with one input field. `path` is dotted, e.g. `body.residents.0.idNumber`. */
export const FieldIssue = z.object({
  path: z.string().describe('Where the problem is: `body.x`, `query.y`, `params.z`'),
  message: z.string().describe('What is wrong with it'),
});
export type FieldIssue = z.infer<typeof FieldIssue>;

/** The one error envelope every failing request gets. */
export const ErrorEnvelope = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]).describe('Stable error code'),
      message: z.string().describe('Human-readable message (English)'),
      details: z.unknown().optional().describe('Structured details, e.g. `{ issues: FieldIssue[] }`'),
    }),
    requestId: z.string().describe('Id of the request, also in the logs'),
  })
  .meta({ id: 'ErrorEnvelope' });
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;
