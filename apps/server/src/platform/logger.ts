import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Paths pino censors in every log line: secrets and personal identifiers.
 * Request bodies are never logged; these cover objects passed explicitly.
 */
export const REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.idNumber',
  '*.id_number',
  '*.phone',
  '*.apiKey',
  '*.token',
  '*.secret',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: { service: 'jing' } }, destination);
}
