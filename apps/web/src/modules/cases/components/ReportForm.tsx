import { useEffect } from 'react';
import { Button, Cascader, Checkbox, Form, Input, Radio, Select, Typography } from 'antd';
import type { MessageKey } from '../../../shared/i18n/index.ts';
import { useT } from '../../../shared/i18n/index.ts';
import type { FieldMessages } from '../../../shared/api/errors.ts';
import { useFormSubmit } from '../../../shared/useFormSubmit.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { FileUpload, type UploadedFile } from '../../../shared/ui/FileUpload.tsx';
import { locate, type LngLat } from '../../geo/index.ts';
import { listChildren } from '../../org/index.ts';
import { CASE_TYPES, PHOTO_TYPES, submitCase, type CaseType, type CaseView, type SubmitCaseInput } from '../api.ts';
import { TYPE_KEYS } from '../labels.ts';
import { useCategories } from '../hooks/useCategories.ts';
import { LocationField } from './LocationField.tsx';

interface ReportValues {
  type: CaseType;
  categoryCode: string[];
  description: string;
  location?: LngLat;
  streetCode?: string;
  address?: string;
  anonymous?: boolean;
  photos?: UploadedFile[];
}

// The server's field problems land on the field of the same name.
const FIELD_MESSAGES: FieldMessages = {
  invalid: {
    type: null,
    categoryCode: 'cases.err.category',
    description: 'cases.err.description',
    location: 'cases.err.location',
    streetCode: 'cases.err.street',
    address: null,
    anonymous: null,
    photos: 'cases.err.photos',
  } satisfies Record<keyof ReportValues, MessageKey | null>,
};

/**
 * 我要反映: type, category (group → leaf), description, place on the map and —
 * where the map knows the district but not the street — the street. Which
 * categories need a street is the server's rule: its verdict lands on the street field.
 * `idempotencyKey` stays the same for every submit of this fill.
 */
export function ReportForm({ idempotencyKey, onDone }: { idempotencyKey: string; onDone(created: CaseView): void }) {
  const t = useT();
  const [form] = Form.useForm<ReportValues>();
  const categories = useCategories();
  const location = Form.useWatch('location', form);
  const located = useAsync((signal) => (location ? locate(location.lng, location.lat, signal) : Promise.resolve(null)), [location?.lng, location?.lat]);
  const district = located.data?.district ?? null;
  const needsStreet = !!district && !located.data?.street;
  const streets = useAsync(
    async (signal) => (needsStreet ? (await listChildren(district.code, signal)).filter((u) => u.level === 'street') : []),
    [district?.code, needsStreet],
  );
  const outside = !!location && !located.loading && located.data !== undefined && !district;

  // A street belongs to one district: moving the pin to another district clears it.
  useEffect(() => form.setFieldValue('streetCode', undefined), [district?.code, form]);

  const { busy, error, submit } = useFormSubmit(form, FIELD_MESSAGES, async (values: ReportValues) => {
    if (outside) return;
    const input: SubmitCaseInput = {
      type: values.type,
      categoryCode: values.categoryCode[values.categoryCode.length - 1] ?? '',
      description: values.description.trim(),
      anonymous: !!values.anonymous,
      photos: (values.photos ?? []).map((p) => p.id),
      ...(values.location ? { location: values.location } : {}),
      ...(needsStreet && values.streetCode ? { streetCode: values.streetCode } : {}),
      ...(values.address?.trim() ? { address: values.address.trim() } : {}),
    };
    onDone(await submitCase(input, idempotencyKey));
  });

  const required = { required: true, message: t('form.required') };
  return (
    <Form<ReportValues> form={form} layout="vertical" onFinish={submit} initialValues={{ type: 'complaint', anonymous: false }} data-testid="report-form" scrollToFirstError>
      <Form.Item name="type" label={t('cases.report.type')} rules={[required]}>
        <Radio.Group optionType="button" data-testid="report-type" options={CASE_TYPES.map((c) => ({ value: c, label: t(TYPE_KEYS[c]) }))} style={{ display: 'flex', flexWrap: 'wrap', rowGap: 6 }} />
      </Form.Item>
      <Form.Item name="categoryCode" label={t('cases.report.category')} rules={[{ required: true, message: t('cases.err.category') }]}>
        <Cascader data-testid="report-category" options={categories.options} placeholder={t('cases.report.categoryPlaceholder')} showSearch expandTrigger="click" loading={categories.loading} />
      </Form.Item>
      <Form.Item name="description" label={t('cases.report.description')} rules={[required, { min: 5, message: t('cases.err.description') }]}>
        <Input.TextArea data-testid="report-description" rows={4} maxLength={4000} showCount placeholder={t('cases.report.descriptionPlaceholder')} />
      </Form.Item>
      <Form.Item
        name="location"
        label={t('cases.report.location')}
        extra={t('cases.report.locationHint')}
        {...(outside ? { validateStatus: 'error' as const, help: t('cases.err.outsideCity') } : {})}
      >
        <LocationField />
      </Form.Item>
      {location && !outside ? (
        <Typography.Paragraph type="secondary" data-testid="report-located" data-district={district?.code ?? ''} data-street={located.data?.street?.code ?? ''}>
          {located.loading || !district
            ? t('cases.report.locating')
            : located.data?.street
              ? t('cases.report.inStreet', { district: district.name, street: located.data.street.name })
              : t('cases.report.inDistrict', { district: district.name })}
        </Typography.Paragraph>
      ) : null}
      {needsStreet ? (
        <Form.Item name="streetCode" label={t('cases.report.street')}>
          <Select
            data-testid="report-street"
            placeholder={t('cases.report.streetPlaceholder')}
            loading={streets.loading}
            showSearch={{ optionFilterProp: 'label' }}
            options={(streets.data ?? []).map((s) => ({ value: s.code, label: s.name }))}
          />
        </Form.Item>
      ) : null}
      <Form.Item name="address" label={t('cases.report.address')}>
        <Input data-testid="report-address" maxLength={200} />
      </Form.Item>
      <Form.Item name="photos" label={t('cases.report.photos')}>
        <FileUpload testId="report-photos" accept={PHOTO_TYPES} maxFiles={9} label="cases.report.addPhotos" />
      </Form.Item>
      <Form.Item name="anonymous" valuePropName="checked" extra={t('cases.report.anonymousHint')}>
        <Checkbox data-testid="report-anonymous">{t('cases.report.anonymous')}</Checkbox>
      </Form.Item>
      {error ? (
        <Form.Item>
          <ErrorAlert error={error} testId="report-error" />
        </Form.Item>
      ) : null}
      <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="report-submit">
        {t('cases.report.submit')}
      </Button>
    </Form>
  );
}
