import { useState } from 'react';
import { Button, Form, Input, Select, Space, Tag } from 'antd';
import { useT } from '../../../shared/i18n/index.ts';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { applyFieldErrors } from '../../../shared/api/errors.ts';
import { useSession } from '../../identity/index.ts';
import { MEASURE_TYPES, reportAlert, uploadPhoto, type AirAlert, type MeasureType } from '../api.ts';
import { MEASURE_TYPE_KEYS } from '../labels.ts';

interface Values {
  found: string;
  action: string;
  measureType: MeasureType;
}

/** The responsible unit's report: what it found, what it did, the kind of measure, photos. */
export function AlertReportForm({ alert, onDone }: { alert: AirAlert; onDone(next: AirAlert): void }) {
  const t = useT();
  const { me } = useSession();
  const [form] = Form.useForm<Values>();
  const [photos, setPhotos] = useState<{ id: string; name: string }[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      onDone(await reportAlert(alert.id, { version: alert.version, found: v.found, action: v.action, measureType: v.measureType, photos: photos.map((p) => p.id) }));
    } catch (err) {
      if (!applyFieldErrors(form, err, t, { invalid: { found: null, action: null, measureType: null } })) setError(err);
    } finally {
      setBusy(false);
    }
  };
  const upload = async (files: FileList | null) => {
    if (!files?.length || !me?.csrfToken) return;
    try {
      const list = [...files];
      const ids = await Promise.all(list.map((f) => uploadPhoto(f, me.csrfToken!)));
      setPhotos((prev) => [...prev, ...ids.map((id, i) => ({ id, name: list[i]!.name }))]);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit} data-testid="alert-report-form" initialValues={{ measureType: 'dust_suppression' }}>
      <Form.Item name="found" label={t('airwork.report.found')} rules={[{ required: true, whitespace: true, message: t('airwork.report.required') }]}>
        <Input.TextArea rows={2} maxLength={2000} data-testid="report-found" />
      </Form.Item>
      <Form.Item name="action" label={t('airwork.report.action')} rules={[{ required: true, whitespace: true, message: t('airwork.report.required') }]}>
        <Input.TextArea rows={2} maxLength={2000} data-testid="report-action" />
      </Form.Item>
      <Form.Item name="measureType" label={t('airwork.report.measureType')}>
        <Select data-testid="report-measure-type" options={MEASURE_TYPES.map((m) => ({ value: m, label: t(MEASURE_TYPE_KEYS[m]) }))} />
      </Form.Item>
      <Form.Item label={t('airwork.report.photos')}>
        <Space wrap>
          <input type="file" accept="image/jpeg,image/png,image/webp" multiple aria-label={t('airwork.report.upload')} data-testid="report-photo" onChange={(e) => void upload(e.target.files)} />
          {photos.map((p) => (
            <Tag key={p.id} data-testid="report-photo-tag">
              {p.name}
            </Tag>
          ))}
        </Space>
      </Form.Item>
      {error ? <ErrorAlert error={error} /> : null}
      <Button type="primary" htmlType="submit" loading={busy} data-testid="report-submit">
        {t('airwork.report.submit')}
      </Button>
    </Form>
  );
}
