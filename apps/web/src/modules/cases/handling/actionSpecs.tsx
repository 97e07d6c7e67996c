import type { ReactNode } from 'react';
import { Alert, Form, Input, Radio, Rate, Select } from 'antd';
import type { MessageKey, TFunction } from '../../../shared/i18n/index.ts';
import { addDays, dayInZone, endOfDayInZone } from '../../../shared/time.ts';
import { FileUpload, type UploadedFile } from '../../../shared/ui/FileUpload.tsx';
import { UnitSelect, type OrgUnitSummary } from '../../org/index.ts';
import { EVIDENCE_TYPES, type CaseActionPath, type CaseView } from '../api.ts';
import type { ActionFields } from '../hooks/useCaseRecord.ts';
import type { HandlingAction } from './allowedActions.ts';
import { SplitParts } from './SplitParts.tsx';

/** What an action's form may need besides the case. */
export interface ActionContext {
  value: CaseView;
  timeZone: string;
  /** The agencies (委办局) of the case's district, for 吹哨. */
  agencies: readonly OrgUnitSummary[];
  /** The case this one may duplicate (`duplicateOf`), offered as the merge target. */
  duplicate: { id: string; number: string } | null;
  t: TFunction;
}

type Values = Record<string, any>;

/** One action: its endpoint, button label, form fields (named as the body's fields) and body. */
export interface ActionSpec {
  path: CaseActionPath;
  label: MessageKey;
  /** Fields of the dialog; none: the button acts at once. */
  fields?(ctx: ActionContext): ReactNode;
  initial?(ctx: ActionContext): Values;
  body(values: Values, ctx: ActionContext): ActionFields<CaseActionPath>;
  /** Own texts for the server's field problems (by body field). */
  errors?: Record<string, MessageKey | null>;
  danger?: boolean;
}

const req = (t: TFunction) => ({ required: true, message: t('form.required') });
const text = (name: string, label: MessageKey, ctx: ActionContext, required = true) => (
  <Form.Item name={name} label={ctx.t(label)} rules={required ? [req(ctx.t), { min: 2, message: ctx.t('cases.err.text') }] : []}>
    <Input.TextArea rows={3} maxLength={4000} data-testid={`field-${name}`} />
  </Form.Item>
);
const lastOf = (path: string[]) => path[path.length - 1] ?? '';
const optional = (s: unknown) => (typeof s === 'string' && s.trim() ? s.trim() : undefined);
const yesNo = (ctx: ActionContext, yes: MessageKey, no: MessageKey) => [
  { value: true, label: ctx.t(yes) },
  { value: false, label: ctx.t(no) },
];

/** Every action of the case page. */
export const ACTION_SPECS: Record<HandlingAction, ActionSpec> = {
  sign: { path: 'sign', label: 'handling.action.sign', body: () => ({}) },
  return: {
    path: 'return', label: 'handling.action.return', danger: true,
    fields: (ctx) => text('reason', 'handling.form.reason', ctx),
    body: (v) => ({ reason: v.reason.trim() }),
    errors: { reason: 'cases.err.text' },
  },
  contact: {
    path: 'contact', label: 'handling.action.contact',
    initial: () => ({ method: 'phone' }),
    fields: (ctx) => (
      <>
        <Form.Item name="method" label={ctx.t('handling.form.method')} rules={[req(ctx.t)]}>
          <Radio.Group data-testid="field-method" options={(['phone', 'visit', 'message'] as const).map((m) => ({ value: m, label: ctx.t(`cases.contact.${m}`) }))} />
        </Form.Item>
        {text('note', 'handling.form.contactNote', ctx)}
      </>
    ),
    body: (v) => ({ method: v.method, note: v.note.trim() }),
    errors: { method: null, note: 'cases.err.text' },
  },
  reply: {
    path: 'reply', label: 'handling.action.reply',
    initial: () => ({ resolved: true }),
    fields: (ctx) => (
      <>
        {text('text', 'handling.form.replyText', ctx)}
        <Form.Item name="resolved" label={ctx.t('handling.form.resolved')} rules={[req(ctx.t)]}>
          <Radio.Group data-testid="field-resolved" options={yesNo(ctx, 'handling.form.resolvedYes', 'handling.form.resolvedNo')} />
        </Form.Item>
      </>
    ),
    body: (v) => ({ text: v.text.trim(), resolved: v.resolved }),
    errors: { text: 'cases.err.text', resolved: null },
  },
  extension: {
    path: 'extension', label: 'handling.action.extension',
    initial: (ctx) => ({ newResolveDueAt: addDays(dayInZone(new Date(ctx.value.resolveDueAt ?? Date.now()), ctx.timeZone), 3) }),
    fields: (ctx) => (
      <>
        <Form.Item name="newResolveDueAt" label={ctx.t('handling.form.newDue')} rules={[req(ctx.t)]}>
          <Input type="date" data-testid="field-newResolveDueAt" />
        </Form.Item>
        {text('reason', 'handling.form.extensionReason', ctx)}
      </>
    ),
    body: (v, ctx) => ({ reason: v.reason.trim(), newResolveDueAt: endOfDayInZone(v.newResolveDueAt, ctx.timeZone) }),
    errors: { newResolveDueAt: 'handling.err.newDue', reason: 'cases.err.text' },
  },
  whistle: {
    path: 'whistle', label: 'handling.action.whistle',
    fields: (ctx) => (
      <>
        <Form.Item name="agencies" label={ctx.t('handling.form.agencies')} rules={[req(ctx.t)]}>
          <Select
            mode="multiple"
            data-testid="field-agencies"
            showSearch={{ optionFilterProp: 'label' }}
            options={ctx.agencies.filter((a) => !ctx.value.participants.some((p) => p.unit.code === a.code)).map((a) => ({ value: a.code, label: a.name }))}
          />
        </Form.Item>
        {text('note', 'handling.form.whistleNote', ctx)}
      </>
    ),
    body: (v) => ({ agencies: v.agencies, note: v.note.trim() }),
    errors: { agencies: 'handling.err.agencies', note: 'cases.err.text' },
  },
  checkin: {
    path: 'checkin', label: 'handling.action.checkin',
    fields: (ctx) => text('note', 'handling.form.checkinNote', ctx, false),
    body: (v) => ({ note: optional(v.note) }),
    errors: { note: null },
  },
  note: {
    path: 'note', label: 'handling.action.note',
    fields: (ctx) => (
      <>
        {text('text', 'handling.form.noteText', ctx)}
        <Form.Item name="attachments" label={ctx.t('handling.form.evidence')}>
          <FileUpload testId="field-attachments" accept={EVIDENCE_TYPES} maxFiles={9} label="handling.form.addEvidence" />
        </Form.Item>
      </>
    ),
    body: (v) => ({ text: v.text.trim(), attachments: ((v.attachments ?? []) as UploadedFile[]).map((f) => f.id) }),
    errors: { text: 'cases.err.text', attachments: 'handling.err.attachments' },
  },
  score: {
    path: 'whistle/score', label: 'handling.action.score',
    initial: (ctx) => ({ agency: ctx.value.participants.find((p) => p.role === 'summoned' && p.score === null)?.unit.code, score: 5 }),
    fields: (ctx) => (
      <>
        <Form.Item name="agency" label={ctx.t('handling.form.agency')} rules={[req(ctx.t)]}>
          <Select data-testid="field-agency" options={ctx.value.participants.filter((p) => p.role === 'summoned' && p.score === null).map((p) => ({ value: p.unit.code, label: p.unit.name }))} />
        </Form.Item>
        <Form.Item name="score" label={ctx.t('handling.form.score')} rules={[req(ctx.t)]}>
          <Rate data-testid="field-score" />
        </Form.Item>
        {text('comment', 'handling.form.comment', ctx, false)}
      </>
    ),
    body: (v) => ({ agency: v.agency, score: v.score, comment: optional(v.comment) }),
    errors: { agency: null, score: null, comment: null },
  },
  dispatch: {
    path: 'dispatch', label: 'handling.action.dispatch',
    fields: (ctx) => (
      <>
        <Form.Item name="unitCode" label={ctx.t('handling.form.unit')} rules={[req(ctx.t)]}>
          <UnitSelect testId="field-unitCode" placeholder={ctx.t('handling.form.unitPlaceholder')} />
        </Form.Item>
        {text('comment', 'handling.form.comment', ctx, false)}
      </>
    ),
    body: (v) => ({ unitCode: v.unitCode, comment: optional(v.comment) }),
    errors: { unitCode: 'handling.err.unit', comment: null },
  },
  decideExtension: {
    path: 'extension/decision', label: 'handling.action.decideExtension',
    initial: () => ({ approve: true }),
    fields: (ctx) => (
      <>
        <Form.Item name="approve" label={ctx.t('handling.form.approve')} rules={[req(ctx.t)]}>
          <Radio.Group data-testid="field-approve" options={yesNo(ctx, 'handling.form.approveYes', 'handling.form.approveNo')} />
        </Form.Item>
        {text('comment', 'handling.form.comment', ctx, false)}
      </>
    ),
    body: (v) => ({ approve: v.approve, comment: optional(v.comment) }),
    errors: { approve: null, comment: null },
  },
  assist: {
    path: 'assist', label: 'handling.action.assist',
    fields: (ctx) => (
      <Form.Item name="units" label={ctx.t('handling.form.assistUnits')} rules={[req(ctx.t)]}>
        <UnitSelect multiple testId="field-units" placeholder={ctx.t('handling.form.unitPlaceholder')} />
      </Form.Item>
    ),
    body: (v) => ({ units: v.units }),
    errors: { units: 'handling.err.units' },
  },
  answer: {
    path: 'answer', label: 'handling.action.answer',
    fields: (ctx) => text('text', 'handling.form.answerText', ctx),
    body: (v) => ({ text: v.text.trim() }),
    errors: { text: 'cases.err.text' },
  },
  merge: {
    path: 'merge', label: 'handling.action.merge',
    initial: (ctx) => ({ into: ctx.duplicate?.number }),
    fields: (ctx) => (
      <>
        {ctx.duplicate ? <Alert type="info" showIcon style={{ marginBottom: 12 }} data-testid="merge-suggested" title={ctx.t('handling.merge.suggested', { number: ctx.duplicate.number })} /> : null}
        <Form.Item name="into" label={ctx.t('handling.form.into')} extra={ctx.t('handling.form.intoHint')} rules={[req(ctx.t)]}>
          <Input data-testid="field-into" maxLength={64} autoComplete="off" />
        </Form.Item>
      </>
    ),
    body: (v) => ({ into: v.into.trim() }),
    errors: { into: 'handling.err.into' },
  },
  split: {
    path: 'split', label: 'handling.action.split',
    initial: () => ({ parts: [{}] }),
    fields: (ctx) => <SplitParts district={ctx.value.district?.code ?? null} />,
    body: (v) => ({
      parts: (v.parts as { categoryCode: string[]; description: string; streetCode?: string }[]).map((p) => ({
        categoryCode: lastOf(p.categoryCode), description: p.description.trim(), ...(p.streetCode ? { streetCode: p.streetCode } : {}),
      })),
    }),
    errors: { parts: 'handling.err.parts' },
  },
};
