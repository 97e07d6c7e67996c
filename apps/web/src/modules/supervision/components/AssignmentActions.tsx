import type { ReactNode } from 'react';
import { App, Form, Input, Radio, Rate } from 'antd';
import { useT, type MessageKey, type TFunction } from '../../../shared/i18n/index.ts';
import { ApiError } from '../../../shared/api/index.ts';
import { addDays, dayInZone, endOfDayInZone } from '../../../shared/time.ts';
import { ActionPanel, type PanelAction } from '../../../shared/ui/ActionPanel.tsx';
import { announceWorkChanged } from '../../../shared/workChanged.ts';
import { actOnAssignment, type Assignment, type AssignmentActionBodies, type AssignmentActionPath, type AssignmentStatus } from '../api.ts';

type Who = 'assignee' | 'issuer';
type Values = Record<string, any>;

interface Spec {
  path: AssignmentActionPath;
  label: MessageKey;
  who: Who;
  from: AssignmentStatus[];
  fields?(t: TFunction): ReactNode;
  initial?(a: Assignment, timeZone: string): Values;
  body(v: Values, timeZone: string): Omit<AssignmentActionBodies[AssignmentActionPath], 'version'>;
  errors?: Record<string, MessageKey | null>;
  danger?: boolean;
}

const textField = (name: string, label: MessageKey, t: TFunction, required = true) => (
  <Form.Item name={name} label={t(label)} rules={required ? [{ required: true, whitespace: true, message: t('form.required') }] : []}>
    <Input.TextArea rows={3} maxLength={5000} data-testid={`field-${name}`} />
  </Form.Item>
);
const optional = (s: unknown) => (typeof s === 'string' && s.trim() ? s.trim() : undefined);

/** The steps of 督办, who takes each (the assigned unit or the issuer) and from which states — as the server rules. */
const SPECS: Record<string, Spec> = {
  accept: { path: 'accept', label: 'supervision.action.accept', who: 'assignee', from: ['assigned', 'returned'], body: () => ({}) },
  progress: { path: 'progress', label: 'supervision.action.progress', who: 'assignee', from: ['accepted'], fields: (t) => textField('text', 'supervision.form.text', t), body: (v) => ({ text: v.text.trim() }), errors: { text: null } },
  extension: {
    path: 'extension', label: 'supervision.action.extension', who: 'assignee', from: ['accepted'],
    initial: (a, tz) => ({ newDueAt: addDays(dayInZone(new Date(a.dueAt), tz), 7) }),
    fields: (t) => (
      <>
        <Form.Item name="newDueAt" label={t('supervision.form.newDue')} rules={[{ required: true, message: t('form.required') }]}>
          <Input type="date" data-testid="field-newDueAt" />
        </Form.Item>
        {textField('reason', 'supervision.form.reason', t)}
      </>
    ),
    body: (v, tz) => ({ newDueAt: endOfDayInZone(v.newDueAt, tz), reason: v.reason.trim() }),
    errors: { newDueAt: 'handling.err.newDue', reason: null },
  },
  report: { path: 'report', label: 'supervision.action.report', who: 'assignee', from: ['accepted'], fields: (t) => textField('text', 'supervision.form.text', t), body: (v) => ({ text: v.text.trim() }), errors: { text: null } },
  decideExtension: {
    path: 'extension/decision', label: 'supervision.action.decideExtension', who: 'issuer', from: ['extension_requested'],
    initial: () => ({ approve: true }),
    fields: (t) => (
      <>
        <Form.Item name="approve" label={t('supervision.form.approve')} rules={[{ required: true, message: t('form.required') }]}>
          <Radio.Group data-testid="field-approve" options={[{ value: true, label: t('handling.form.approveYes') }, { value: false, label: t('handling.form.approveNo') }]} />
        </Form.Item>
        {textField('comment', 'supervision.form.comment', t, false)}
      </>
    ),
    body: (v) => ({ approve: v.approve, comment: optional(v.comment) }),
  },
  return: { path: 'return', label: 'supervision.action.return', who: 'issuer', from: ['reported'], danger: true, fields: (t) => textField('reason', 'supervision.form.reason', t), body: (v) => ({ reason: v.reason.trim() }), errors: { reason: null } },
  close: { path: 'close', label: 'supervision.action.close', who: 'issuer', from: ['reported'], fields: (t) => textField('comment', 'supervision.form.comment', t, false), body: (v) => ({ comment: optional(v.comment) }) },
  evaluate: {
    path: 'evaluate', label: 'supervision.action.evaluate', who: 'issuer', from: ['closed'],
    initial: () => ({ score: 5 }),
    fields: (t) => (
      <>
        <Form.Item name="score" label={t('supervision.form.score')} rules={[{ required: true, message: t('form.required') }]}>
          <Rate data-testid="field-score" />
        </Form.Item>
        {textField('comment', 'supervision.form.comment', t, false)}
      </>
    ),
    body: (v) => ({ score: v.score, comment: optional(v.comment) }),
  },
};

/**
 * The steps the viewer may take on one assignment: the assigned unit accepts,
 * reports progress, asks for time and reports it done; the issuer decides
 * extensions, returns or closes (销号) and evaluates. A 409 reloads the task.
 */
export function AssignmentActions({ value, roles, timeZone, onChanged, onStale }: { value: Assignment; roles: Who[]; timeZone: string; onChanged(next: Assignment): void; onStale(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const keys = Object.keys(SPECS).filter((k) => {
    const s = SPECS[k]!;
    return roles.includes(s.who) && s.from.includes(value.status) && !(k === 'evaluate' && value.score !== null);
  });
  const actions: PanelAction[] = keys.map((k) => {
    const s = SPECS[k]!;
    return { key: k, label: s.label, danger: s.danger, fields: s.fields?.(t), initial: s.initial?.(value, timeZone), errors: s.errors };
  });
  return (
    <ActionPanel
      actions={actions}
      emptyText="handling.noActions"
      run={async (key, values) => {
        const s = SPECS[key]!;
        try {
          onChanged(await actOnAssignment(value.id, s.path, { ...s.body(values, timeZone), version: value.version } as AssignmentActionBodies[AssignmentActionPath]));
          announceWorkChanged();
          return true;
        } catch (err) {
          if (err instanceof ApiError && err.status === 409) {
            void message.warning(t('supervision.err.changed'));
            onStale();
            return false;
          }
          throw err;
        }
      }}
    />
  );
}
