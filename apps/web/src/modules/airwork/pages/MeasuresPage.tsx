import { useState } from 'react';
import { Button, Card, Flex, Form, Input, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import { useT } from '../../../shared/i18n/index.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { applyFieldErrors } from '../../../shared/api/errors.ts';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { hasPermission, useSession } from '../../identity/index.ts';
import { CATEGORY_OF, createMeasure, deleteMeasure, listMeasures, listStations, MEASURE_TYPES, type Measure, type MeasureType } from '../api.ts';
import { CATEGORY_KEYS, MEASURE_TYPE_KEYS } from '../labels.ts';

interface Values {
  title: string;
  type: MeasureType;
  placeKind: 'station' | 'unit';
  station?: string;
  unitCode?: string;
  startDate: string;
  endDate?: string;
  responsibleUnitCode: string;
}

/** The register of measures: everyone on the staff reads it; air.manage holders add and remove. */
export function MeasuresPage() {
  const t = useT();
  const { me } = useSession();
  const manage = hasPermission(me, 'air.manage');
  const measures = useAsync((signal) => listMeasures({}, signal), []);
  const stations = useAsync((signal) => listStations(signal), []);
  const [form] = Form.useForm<Values>();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const placeKind = Form.useWatch('placeKind', form);

  const submit = async (v: Values) => {
    setError(null);
    try {
      await createMeasure({
        category: CATEGORY_OF[v.type],
        type: v.type,
        title: v.title,
        place: v.placeKind === 'station' ? { kind: 'station', station: v.station } : { kind: 'unit', unitCode: v.unitCode },
        startDate: v.startDate,
        endDate: v.endDate || null,
        responsibleUnitCode: v.responsibleUnitCode,
      });
      form.resetFields();
      setOpen(false);
      measures.reload();
    } catch (err) {
      const invalid = { title: null, type: null, place: null, startDate: null, endDate: null, responsibleUnitCode: null };
      if (!applyFieldErrors(form, err, t, { invalid })) setError(err);
    }
  };

  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={12}>
        <Typography.Title level={4} style={{ margin: 0, marginInlineEnd: 'auto' }}>{t('airwork.measures.title')}</Typography.Title>
        {manage ? <Button type="primary" onClick={() => setOpen((o) => !o)} data-testid="measure-new">{t('airwork.measures.new')}</Button> : null}
      </Flex>
      {open ? (
        <Card size="small">
          <Form form={form} layout="vertical" onFinish={submit} initialValues={{ type: 'dust_suppression', placeKind: 'station', responsibleUnitCode: me?.unit?.code }} data-testid="measure-form">
            <Form.Item name="title" label={t('airwork.measure.title')} rules={[{ required: true, whitespace: true, message: t('airwork.report.required') }]}>
              <Input maxLength={200} data-testid="measure-title" />
            </Form.Item>
            <Form.Item name="type" label={t('airwork.measure.type')}>
              <Select options={MEASURE_TYPES.map((m) => ({ value: m, label: `${t(CATEGORY_KEYS[CATEGORY_OF[m]])} · ${t(MEASURE_TYPE_KEYS[m])}` }))} />
            </Form.Item>
            <Form.Item name="placeKind" label={t('airwork.measure.placeKind')}>
              <Select options={[{ value: 'station', label: t('airwork.measure.place.station') }, { value: 'unit', label: t('airwork.measure.place.unit') }]} />
            </Form.Item>
            {placeKind === 'unit' ? (
              <Form.Item name="unitCode" label={t('airwork.measure.unitCode')} rules={[{ required: true, message: t('airwork.report.required') }]}>
                <Input data-testid="measure-unit" />
              </Form.Item>
            ) : (
              <Form.Item name="station" label={t('airwork.measure.station')} rules={[{ required: true, message: t('airwork.report.required') }]}>
                <Select data-testid="measure-station" options={(stations.data ?? []).map((s) => ({ value: s.code, label: `${s.name}（${s.code}）` }))} />
              </Form.Item>
            )}
            <Flex gap={12} wrap>
              <Form.Item name="startDate" label={t('airwork.measure.start')} rules={[{ required: true, message: t('airwork.report.required') }]}>
                <Input type="date" data-testid="measure-start" />
              </Form.Item>
              <Form.Item name="endDate" label={t('airwork.measure.end')}>
                <Input type="date" data-testid="measure-end" />
              </Form.Item>
              <Form.Item name="responsibleUnitCode" label={t('airwork.measure.responsible')} rules={[{ required: true, message: t('airwork.report.required') }]}>
                <Input data-testid="measure-responsible" />
              </Form.Item>
            </Flex>
            {error ? <ErrorAlert error={error} /> : null}
            <Button type="primary" htmlType="submit" data-testid="measure-submit">{t('airwork.measures.new')}</Button>
          </Form>
        </Card>
      ) : null}
      {measures.error ? <ErrorAlert error={measures.error} onRetry={measures.reload} /> : null}
      <Table<Measure>
        data-testid="measures-table"
        data-loading={String(measures.loading)}
        rowKey="id"
        size="small"
        loading={measures.loading}
        dataSource={measures.data ?? []}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: t('airwork.measures.empty') }}
        onRow={(m) => ({ 'data-testid': 'measure-row', 'data-id': m.id }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'title', title: t('airwork.measure.title'), render: (_, m) => <>{m.title}{m.alertId ? <Tag style={{ marginInlineStart: 8 }}>{t('airwork.measure.fromAlert')}</Tag> : null}</> },
          { key: 'type', title: t('airwork.measure.type'), render: (_, m) => `${t(CATEGORY_KEYS[m.category])} · ${t(MEASURE_TYPE_KEYS[m.type])}` },
          { key: 'place', title: t('airwork.measure.place'), render: (_, m) => m.place.station ?? m.place.unit?.name ?? (m.place.lng !== null ? `${m.place.lng.toFixed(4)}, ${m.place.lat?.toFixed(4)}` : '—') },
          { key: 'period', title: t('airwork.measure.period'), render: (_, m) => `${m.startDate} ~ ${m.endDate ?? t('airwork.measure.ongoing')}` },
          { key: 'unit', title: t('airwork.measure.responsible'), render: (_, m) => m.responsibleUnit.name },
          ...(manage
            ? [{
                key: 'actions',
                title: '',
                render: (_: unknown, m: Measure) => (
                  <Popconfirm title={t('airwork.measures.deleteConfirm')} onConfirm={() => deleteMeasure(m.id, m.version).then(measures.reload, setError)}>
                    <Button size="small" danger>{t('airwork.measures.delete')}</Button>
                  </Popconfirm>
                ),
              }]
            : []),
        ]}
      />
    </Flex>
  );
}
