import type { FormInstance } from 'antd';
import type { MessageKey, TFunction } from '../i18n/index.ts';
import { ApiError } from './client.ts';

/**
 * The translated, user-facing text for any error a page can catch.
 * API errors are translated by code; the server's English message is never shown as is.
 *
 * @example
 * message.error(errorText(t, err)) // '用户名或密码错误'
 */
export function errorText(t: TFunction, err: unknown): string {
  if (err instanceof ApiError) return t(`errors.${err.code}` as const);
  return t('errors.unknown');
}

/** Whether an error is only the cancellation of a request nobody waits for any more. */
export function isAbort(err: unknown): boolean {
  return err instanceof DOMException && err.name === 'AbortError';
}

/** How a form names its fields' problems: by body field name. */
export interface FieldMessages {
  /**
   * `validation_failed`: every field of the form; a message key gives the
   * field its own text, `null` a generic one carrying the server's detail.
   */
  invalid: Record<string, MessageKey | null>;
  /** `conflict`: fields that must be unique (username, ID number) and their "already taken" text. */
  taken?: Record<string, MessageKey>;
}

/**
 * Puts the field issues of a failed submit onto the matching form fields
 * (`body.idNumber` → field `idNumber`): `validation_failed` issues, and
 * `conflict` issues naming a unique field.
 *
 * @returns true when every issue found its field, so no form-level alert is needed.
 * @example
 * if (!applyFieldErrors(form, err, t, { invalid: { idNumber: 'register.err.idNumber' } })) setError(err);
 */
export function applyFieldErrors(form: FormInstance, err: unknown, t: TFunction, messages: FieldMessages): boolean {
  if (!(err instanceof ApiError) || err.issues.length === 0) return false;
  if (err.code !== 'validation_failed' && err.code !== 'conflict') return false;
  const byField = new Map<string, string[]>();
  let allMapped = true;
  for (const issue of err.issues) {
    const [scope, field] = issue.path.split('.');
    const text = scope === 'body' && field ? fieldText(t, err.code, field, issue.message, messages) : null;
    if (!field || text === null) {
      allMapped = false;
      continue;
    }
    byField.set(field, [...(byField.get(field) ?? []), text]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return allMapped;
}

function fieldText(t: TFunction, code: string, field: string, detail: string, messages: FieldMessages): string | null {
  if (code === 'conflict') {
    const key = messages.taken?.[field];
    return key ? t(key) : null;
  }
  if (!(field in messages.invalid)) return null;
  const key = messages.invalid[field];
  return key ? t(key) : t('errors.fieldInvalid', { detail });
}
