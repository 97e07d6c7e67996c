import type { z } from 'zod';
import type { FieldIssue } from '@jing/contracts';
import { invalid } from '../errors.ts';

/** Turns zod issues into field issues under a location (`body`, `query`, `params`). */
export function toFieldIssues(where: string, error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => {
    const path = [where, ...i.path.map(String)];
    let message = i.message;
    if (i.code === 'unrecognized_keys') {
      // Name each unknown field as its own path, so clients can point at it.
      return i.keys.map((k) => ({ path: [...path, k].join('.'), message: 'unknown field' }));
    }
    if (i.code === 'invalid_type' && /received undefined/.test(message)) message = 'is required';
    return [{ path: path.join('.'), message }];
  }).flat();
}

/** Parses `value` with `schema` or throws a validation error naming the fields. */
export function parseOrThrow<S extends z.ZodType>(where: string, schema: S, value: unknown): z.infer<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw invalid(toFieldIssues(where, r.error));
  return r.data;
}
