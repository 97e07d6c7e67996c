import { Alert, Button, Flex, List, Steps, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../shared/i18n/index.ts';
import type { ServiceGuide } from '../api.ts';
import { txt } from '../labels.ts';

/** What the guide answered: the situation, exactly its materials (免提交 marked) and steps, and the way to apply. */
export function GuideResult({ guide }: { guide: ServiceGuide }) {
  const { t, locale } = useI18n();
  return (
    <Flex vertical gap={12} data-testid="guide-result" data-situation={guide.situation.code}>
      <Alert type="success" showIcon title={t('services.item.situation', { name: txt(guide.situation.name, locale) })} data-testid="guide-situation" />
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('services.item.materials')}
      </Typography.Title>
      <div data-testid="guide-materials" data-count={guide.materials.length}>
        <List
          size="small"
          bordered
          dataSource={guide.materials}
          renderItem={(m) => (
            <List.Item data-testid="guide-material" data-code={m.code} data-held={m.heldByGovernment ?? ''}>
              <Flex vertical gap={2} style={{ width: '100%' }}>
                <Flex gap={6} wrap align="center">
                  <Typography.Text strong>{txt(m.name, locale)}</Typography.Text>
                  {m.heldByGovernment ? (
                    <Tooltip title={t('services.item.material.heldHint')}>
                      <Tag color="green" data-testid="material-held">{t('services.item.material.held')}</Tag>
                    </Tooltip>
                  ) : null}
                  {m.required ? null : <Tag>{t('services.item.material.optional')}</Tag>}
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t(`services.item.form.${m.form}`)} · {t('services.item.material.count', { n: m.count })} · {m.formats.join('/').toUpperCase()}
                </Typography.Text>
                {m.note ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{txt(m.note, locale)}</Typography.Text> : null}
              </Flex>
            </List.Item>
          )}
        />
      </div>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('services.item.steps')}
      </Typography.Title>
      <Steps
        direction="vertical"
        size="small"
        current={-1}
        data-testid="guide-steps"
        items={guide.steps.map((s) => ({ title: txt(s.name, locale), description: t(`services.item.step.${s.kind}`) }))}
      />
      {guide.online ? (
        <Link to={guide.applyPath} data-testid="service-apply">
          <Button type="primary" block size="large">
            {t('services.item.apply')}
          </Button>
        </Link>
      ) : (
        <Alert type="info" title={t('services.item.applyOffline')} data-testid="service-offline" />
      )}
    </Flex>
  );
}
