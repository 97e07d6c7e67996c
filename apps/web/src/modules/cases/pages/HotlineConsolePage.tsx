import { useRef, useState } from 'react';
import { Button, Card, Cascader, Col, Flex, Form, Input, Result, Row, Select, Typography, type InputRef } from 'antd';
import type { MessageKey } from '../../../shared/i18n/index.ts';
import { useT } from '../../../shared/i18n/index.ts';
import type { FieldMessages } from '../../../shared/api/errors.ts';
import { useFormSubmit } from '../../../shared/useFormSubmit.ts';
import { uuidV4 } from '../../../shared/uuid.ts';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { hasPermission, useSession } from '../../identity/index.ts';
import { UnitSelect } from '../../org/index.ts';
import { CASE_TYPES, submitCase, type CaseType, type CaseView } from '../api.ts';
import { TYPE_KEYS } from '../labels.ts';
import { useCategories } from '../hooks/useCategories.ts';
import { CALLER_PHONE, CallerHistory } from '../hotline/CallerHistory.tsx';
import { TakenCase } from '../hotline/TakenCase.tsx';

interface CallValues {
  name: string;
  phone: string;
  type: CaseType;
  categoryCode: string[];
  streetCode: string;
  description: string;
  address?: string;
}

const FIELD_MESSAGES: FieldMessages = {
  invalid: { type: null, categoryCode: 'cases.err.category', streetCode: 'cases.err.street', description: 'cases.err.description', address: null } satisfies Partial<Record<keyof CallValues, MessageKey | null>>,
};

/**
 * 12345 话务台 (京办, `cases.intake`): keyboard-first intake of a phone call —
 * caller name and number first (the caller's earlier requests appear as soon
 * as the number is complete), then type, category, street and description.
 * Focus starts on the name; Enter moves through pickers and submits.
 */
export function HotlineConsolePage({ basePath }: { basePath: string }) {
  const t = useT();
  const { me } = useSession();
  const [form] = Form.useForm<CallValues>();
  const categories = useCategories();
  const nameRef = useRef<InputRef>(null);
  const [key, setKey] = useState(uuidV4);
  const [taken, setTaken] = useState<CaseView | null>(null);
  const [calls, setCalls] = useState(0);
  const phone = Form.useWatch('phone', form);
  const { busy, error, submit } = useFormSubmit(form, FIELD_MESSAGES, async (v: CallValues) => {
    const created = await submitCase(
      {
        type: v.type,
        categoryCode: v.categoryCode[v.categoryCode.length - 1] ?? '',
        description: v.description.trim(),
        streetCode: v.streetCode,
        anonymous: false,
        photos: [],
        caller: { name: v.name.trim(), phone: v.phone.trim() },
        ...(v.address?.trim() ? { address: v.address.trim() } : {}),
      },
      key,
    );
    setTaken(created);
    setCalls((n) => n + 1);
  });

  if (!hasPermission(me, 'cases.intake')) return <Result status="403" title={t('hotline.forbidden')} data-testid="hotline-forbidden" />;

  function nextCall() {
    form.resetFields();
    setTaken(null);
    setKey(uuidV4());
    setTimeout(() => nameRef.current?.focus(), 0);
  }

  const required = { required: true, message: t('form.required') };
  return (
    <Row gutter={[16, 16]} data-testid="hotline-page">
      <Col xs={24} lg={14}>
        <Card title={t('hotline.title')}>
          <Typography.Paragraph type="secondary">{t('hotline.hint')}</Typography.Paragraph>
          <Form<CallValues> form={form} layout="vertical" onFinish={submit} disabled={!!taken} data-testid="hotline-form">
            <Flex gap={12} wrap>
              <Form.Item name="name" label={t('hotline.callerName')} rules={[{ ...required, whitespace: true }]} style={{ flex: '1 1 160px' }}>
                <Input ref={nameRef} autoFocus data-testid="hotline-name" maxLength={50} autoComplete="off" />
              </Form.Item>
              <Form.Item name="phone" label={t('hotline.callerPhone')} rules={[required, { pattern: CALLER_PHONE, message: t('cases.err.phone') }]} style={{ flex: '1 1 160px' }}>
                <Input data-testid="hotline-phone" inputMode="tel" maxLength={13} autoComplete="off" />
              </Form.Item>
            </Flex>
            <Flex gap={12} wrap>
              <Form.Item name="type" label={t('cases.report.type')} rules={[required]} style={{ flex: '1 1 140px' }}>
                <Select data-testid="hotline-type" showSearch={{ optionFilterProp: 'label' }} options={CASE_TYPES.map((c) => ({ value: c, label: t(TYPE_KEYS[c]) }))} />
              </Form.Item>
              <Form.Item name="categoryCode" label={t('cases.report.category')} rules={[{ required: true, message: t('cases.err.category') }]} style={{ flex: '2 1 220px' }}>
                <Cascader data-testid="hotline-category" options={categories.options} showSearch placeholder={t('cases.report.categoryPlaceholder')} />
              </Form.Item>
            </Flex>
            <Form.Item name="streetCode" label={t('hotline.street')} rules={[required]}>
              <UnitSelect level="street" testId="hotline-street" placeholder={t('hotline.streetPlaceholder')} />
            </Form.Item>
            <Form.Item name="description" label={t('cases.report.description')} rules={[required, { min: 5, message: t('cases.err.description') }]}>
              <Input.TextArea
                rows={4}
                maxLength={4000}
                data-testid="hotline-description"
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) form.submit();
                }}
              />
            </Form.Item>
            <Form.Item name="address" label={t('cases.report.address')}>
              <Input data-testid="hotline-address" maxLength={200} />
            </Form.Item>
            {error ? <ErrorAlert error={error} testId="hotline-error" /> : null}
            <Button type="primary" htmlType="submit" loading={busy} data-testid="hotline-submit" style={{ marginTop: 8 }}>
              {t('hotline.submit')}
            </Button>
          </Form>
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Flex vertical gap={16}>
          {taken ? <TakenCase value={taken} onNext={nextCall} onAnswered={() => setCalls((n) => n + 1)} /> : null}
          <CallerHistory phone={phone} basePath={basePath} refresh={calls} />
        </Flex>
      </Col>
    </Row>
  );
}
