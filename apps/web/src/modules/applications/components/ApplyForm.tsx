import { useMemo, useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import { useI18n } from '../../../shared/i18n/index.ts';
import { ApiError } from '../../../shared/api/index.ts';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { uuidV4 } from '../../../shared/uuid.ts';
import { submitApplication, type ApplicationView, type MaterialInput, type Prefill, type ServiceItemVersion, type SubmitBody } from '../api.ts';
import { MaterialField, type MaterialChoice } from './MaterialField.tsx';

const DISTRICTS: [string, string][] = [
  ['110101', '东城区'], ['110102', '西城区'], ['110105', '朝阳区'], ['110106', '丰台区'], ['110107', '石景山区'], ['110108', '海淀区'],
  ['110109', '门头沟区'], ['110111', '房山区'], ['110112', '通州区'], ['110113', '顺义区'], ['110114', '昌平区'], ['110115', '大兴区'],
  ['110116', '怀柔区'], ['110117', '平谷区'], ['110118', '密云区'], ['110119', '延庆区'],
];

/** Turns the material choices into the submission's `materials`. */
export function materialsOf(choices: Record<string, MaterialChoice>): MaterialInput[] {
  return Object.entries(choices).flatMap(([code, c]): MaterialInput[] => (c.certificateId ? [{ code, certificateId: c.certificateId }] : c.files.length ? [{ code, fileIds: c.files.map((f) => f.id) }] : []));
}

/**
 * The application form generated from an item's definition: the situation,
 * the district, every form field (pre-filled), and each material (upload, or
 * from the wallet where the government holds it). Sent once per fill with an
 * idempotency key; field errors land on their fields.
 */
export function ApplyForm({ item, prefill, situation: initialSituation, onBehalfOf, onDone }: { item: ServiceItemVersion; prefill: Prefill; situation?: string; onBehalfOf?: SubmitBody['onBehalfOf']; onDone(a: ApplicationView): void }) {
  const { t, locale } = useI18n();
  const def = item.definition;
  const [form] = Form.useForm();
  const [situation, setSituation] = useState(initialSituation && def.situations.some((s) => s.code === initialSituation) ? initialSituation : def.situations[0]!.code);
  const [district, setDistrict] = useState('110105');
  const [choices, setChoices] = useState<Record<string, MaterialChoice>>({});
  const [error, setError] = useState<unknown>(null);
  const [materialErrors, setMaterialErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const key = useMemo(() => uuidV4(), []);
  const sit = def.situations.find((s) => s.code === situation)!;
  const text = (x: { zh: string; en?: string }) => (locale === 'en' && x.en ? x.en : x.zh);

  async function submit() {
    let values: Record<string, string | number>;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    setMaterialErrors([]);
    try {
      const body: SubmitBody = {
        itemCode: item.code, itemVersion: item.version, situation, form: Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== null && v !== '')),
        materials: materialsOf(choices),
        ...(def.implementedBy.level === 'district' ? { districtCode: district } : {}),
        ...(onBehalfOf ? { onBehalfOf } : {}),
      };
      onDone(await submitApplication(body, key));
    } catch (err) {
      setError(err);
      if (err instanceof ApiError && err.details && typeof err.details === 'object' && 'issues' in err.details) {
        const issues = (err.details as { issues: { path: string; message: string }[] }).issues;
        form.setFields(issues.filter((i) => i.path.startsWith('body.form.')).map((i) => ({ name: i.path.slice('body.form.'.length), errors: [i.message] })));
        setMaterialErrors(issues.filter((i) => i.path.startsWith('body.materials')).map((i) => i.message));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Flex vertical gap={12} data-testid="apply-form">
      {def.situations.length > 1 ? (
        <Card size="small" title={t('apps.apply.situation')}>
          <Radio.Group value={situation} onChange={(e) => setSituation(e.target.value)} data-testid="apply-situation">
            <Flex vertical gap={4}>
              {def.situations.map((s) => (
                <Radio key={s.code} value={s.code} data-testid={`situation-${s.code}`}>
                  {text(s.name)}
                </Radio>
              ))}
            </Flex>
          </Radio.Group>
        </Card>
      ) : null}
      {def.implementedBy.level === 'district' ? (
        <Card size="small" title={t('apps.apply.district')}>
          <Select value={district} onChange={setDistrict} style={{ width: '100%' }} data-testid="apply-district" options={DISTRICTS.map(([v, l]) => ({ value: v, label: l }))} />
        </Card>
      ) : null}
      <Card size="small" title={t('apps.apply.form')}>
        <Form form={form} layout="vertical" initialValues={prefill.values} requiredMark>
          {def.formFields.map((f) => (
            <Form.Item key={f.key} name={f.key} label={text(f.label)} rules={f.required ? [{ required: true, message: t('apps.apply.required') }] : []}>
              {f.type === 'textarea' ? (
                <Input.TextArea rows={3} data-testid={`field-${f.key}`} maxLength={f.maxLength} />
              ) : f.type === 'number' ? (
                <InputNumber style={{ width: '100%' }} data-testid={`field-${f.key}`} />
              ) : f.type === 'select' ? (
                <Select data-testid={`field-${f.key}`} options={(f.options ?? []).map((o) => ({ value: o.value, label: text(o.label) }))} />
              ) : (
                <Input data-testid={`field-${f.key}`} type={f.type === 'date' ? 'date' : 'text'} inputMode={f.type === 'phone' ? 'tel' : undefined} maxLength={f.maxLength} />
              )}
            </Form.Item>
          ))}
        </Form>
      </Card>
      <Card size="small" title={t('apps.apply.materials')}>
        <Flex vertical gap={12}>
          {sit.materials.map((m) => (
            <MaterialField key={`${situation}-${m.code}`} material={m} held={prefill.held[m.code] ?? []} value={choices[m.code]} onChange={(c) => setChoices((x) => ({ ...x, [m.code]: c }))} />
          ))}
        </Flex>
      </Card>
      {materialErrors.length ? <Alert type="error" title={materialErrors.join('；')} data-testid="apply-material-errors" /> : null}
      {error && !(error instanceof ApiError && error.code === 'validation_failed') ? <ErrorAlert error={error} testId="apply-error" /> : null}
      <Button type="primary" size="large" block loading={busy} onClick={submit} data-testid="apply-submit">
        {t('apps.apply.submit')}
      </Button>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('apps.apply.limits', { promised: def.promisedLimitDays, statutory: def.statutoryLimitDays })}
      </Typography.Text>
    </Flex>
  );
}
