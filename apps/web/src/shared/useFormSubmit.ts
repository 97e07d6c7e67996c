import { useState } from 'react';
import type { FormInstance } from 'antd';
import { useT } from './i18n/index.ts';
import { applyFieldErrors, type FieldMessages } from './api/errors.ts';

/** A form's submission in progress and its outcome. */
export interface FormSubmit<V> {
  busy: boolean;
  /** A failure no field could take (show it above the submit button). */
  error: unknown;
  submit(values: V): Promise<void>;
}

/**
 * Runs a form's submission: busy while it runs, the server's field problems
 * put on the fields (see {@link applyFieldErrors}), any other failure kept in `error`.
 *
 * @example
 * const { busy, error, submit } = useFormSubmit(form, FIELD_MESSAGES, async (v) => onDone(await submitCase(v, key)));
 * <Form form={form} onFinish={submit}>…</Form>
 */
export function useFormSubmit<V>(form: FormInstance<V>, messages: FieldMessages, action: (values: V) => Promise<void>): FormSubmit<V> {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function submit(values: V) {
    setBusy(true);
    setError(null);
    try {
      await action(values);
    } catch (err) {
      if (!applyFieldErrors(form, err, t, messages)) setError(err);
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, submit };
}
