import { Button, Card, Cascader, Flex, Form, Input } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useT } from '../../../shared/i18n/index.ts';
import { UnitSelect } from '../../org/index.ts';
import { useCategories } from '../hooks/useCategories.ts';

/** At most this many parts per split (the server's limit). */
export const MAX_PARTS = 10;

/**
 * 拆分's parts (`parts`, a form list): for each, the category from the
 * dispatch catalogue, what this part is about, and optionally the street (else the
 * case's own). Parts are `split-part` with `field-parts-<i>-<field>` controls.
 */
export function SplitParts({ district }: { district: string | null }) {
  const t = useT();
  const categories = useCategories();
  const required = { required: true, message: t('form.required') };
  return (
    <Form.List name="parts">
      {(fields, { add, remove }, { errors }) => (
        <Flex vertical gap={8}>
          {fields.map((f, i) => (
            <Card
              key={f.key}
              size="small"
              data-testid="split-part"
              title={t('handling.split.part', { n: i + 1 })}
              extra={fields.length > 1 ? <Button size="small" type="text" icon={<DeleteOutlined />} aria-label={t('handling.split.remove')} onClick={() => remove(f.name)} data-testid={`field-parts-${i}-remove`} /> : null}
            >
              <Form.Item name={[f.name, 'categoryCode']} label={t('cases.report.category')} rules={[{ required: true, message: t('cases.err.category') }]}>
                <Cascader data-testid={`field-parts-${i}-categoryCode`} options={categories.options} showSearch placeholder={t('cases.report.categoryPlaceholder')} />
              </Form.Item>
              <Form.Item name={[f.name, 'description']} label={t('cases.report.description')} rules={[required, { min: 5, message: t('cases.err.description') }]}>
                <Input.TextArea rows={2} maxLength={4000} data-testid={`field-parts-${i}-description`} />
              </Form.Item>
              <Form.Item name={[f.name, 'streetCode']} label={t('handling.split.street')} style={{ marginBottom: 0 }}>
                <UnitSelect level="street" within={district ?? undefined} testId={`field-parts-${i}-streetCode`} placeholder={t('hotline.streetPlaceholder')} />
              </Form.Item>
            </Card>
          ))}
          <Form.ErrorList errors={errors} />
          <Button icon={<PlusOutlined />} disabled={fields.length >= MAX_PARTS} onClick={() => add({})} data-testid="split-add">
            {t('handling.split.add', { max: MAX_PARTS })}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
