import type { FieldIssue, ServiceItemDefinition } from '@jing/contracts';
import { idNumberProblem, usccProblem } from '../identity/index.ts';

type FormField = ServiceItemDefinition['formFields'][number];
type Material = ServiceItemDefinition['situations'][number]['materials'][number];

/** Upload formats of the catalogue → content types the files module sniffs. */
export const FORMAT_TYPES: Record<Material['formats'][number], string> = { pdf: 'application/pdf', jpg: 'image/jpeg', png: 'image/png' };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const PHONE = /^1[3-9]\d{9}$|^0\d{2,3}-?\d{7,8}$/;

/**
 * Checks form values against the item's formFields: required ones present,
 * each of its type, unknown keys refused. Returns the values to store
 * (trimmed strings, numbers) or every issue, each naming its field.
 */
export function checkForm(fields: FormField[], values: Record<string, string | number>, base: string): { values: Record<string, string | number>; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const out: Record<string, string | number> = {};
  const known = new Set(fields.map((f) => f.key));
  for (const key of Object.keys(values)) if (!known.has(key)) issues.push({ path: `${base}.${key}`, message: 'is not a field of this item' });
  for (const f of fields) {
    const path = `${base}.${f.key}`;
    const raw = values[f.key];
    const empty = raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
    if (empty) {
      if (f.required) issues.push({ path, message: `is required (${f.label.zh})` });
      continue;
    }
    if (f.type === 'number') {
      const n = typeof raw === 'number' ? raw : Number(String(raw).trim());
      if (!Number.isFinite(n)) issues.push({ path, message: 'must be a number' });
      else out[f.key] = n;
      continue;
    }
    const v = String(raw).trim();
    const max = f.maxLength ?? (f.type === 'textarea' ? 5000 : 200);
    if ([...v].length > max) {
      issues.push({ path, message: `must be at most ${max} characters` });
      continue;
    }
    let problem: string | null = null;
    switch (f.type) {
      case 'date':
        if (!DATE.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`)) || new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) !== v) problem = 'must be a date YYYY-MM-DD';
        break;
      case 'phone':
        if (!PHONE.test(v)) problem = 'must be a mobile or landline number';
        break;
      case 'id_number':
        problem = idNumberProblem(v.toUpperCase());
        break;
      case 'credit_code':
        problem = usccProblem(v.toUpperCase());
        break;
      case 'select':
        if (!(f.options ?? []).some((o) => o.value === v)) problem = `must be one of ${(f.options ?? []).map((o) => o.value).join(', ')}`;
        break;
    }
    if (problem) issues.push({ path, message: problem });
    else out[f.key] = f.type === 'id_number' || f.type === 'credit_code' ? v.toUpperCase() : v;
  }
  return { values: out, issues };
}
