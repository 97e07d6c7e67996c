import { Descriptions, Flex, Tag, type DescriptionsProps } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../shared/i18n/index.ts';
import { useClientConfig, DEFAULT_CLIENT_CONFIG } from '../../../shared/clientConfig.ts';
import { formatInstant } from '../../../shared/format.ts';
import type { CaseView } from '../api.ts';
import { CHANNEL_KEYS, localName, RELATION_KEYS, TYPE_KEYS } from '../labels.ts';
import { CaseStatusTag } from './CaseStatusTag.tsx';

/**
 * What a case is about: number, status, type, category, place, handler and
 * description. With `showReporter` (staff), the reporter — or 匿名 when the
 * server hides them. `caseLink` turns a related case id into a link of the portal.
 */
export function CaseFacts({ value, showReporter = false, caseLink }: { value: CaseView; showReporter?: boolean; caseLink(id: string): string }) {
  const { t, locale } = useI18n();
  const timeZone = (useClientConfig().data ?? DEFAULT_CLIENT_CONFIG).timeZone;
  const place = [value.district?.name, value.street?.name].filter(Boolean).join(' · ');
  const items: DescriptionsProps['items'] = [
    { key: 'number', label: t('cases.field.number'), children: <span data-testid="case-number" style={{ fontFamily: 'monospace' }}>{value.number}</span> },
    { key: 'status', label: t('cases.field.status'), children: <CaseStatusTag status={value.status} testId="case-status" /> },
    { key: 'type', label: t('cases.field.type'), children: t(TYPE_KEYS[value.type]) },
    { key: 'category', label: t('cases.field.category'), children: <span data-testid="case-category">{localName(value.category.name, locale)}</span> },
    { key: 'channel', label: t('cases.field.channel'), children: t(CHANNEL_KEYS[value.channel]) },
    { key: 'created', label: t('cases.field.createdAt'), children: formatInstant(value.createdAt, locale, timeZone) },
    { key: 'place', label: t('cases.field.place'), children: <span data-testid="case-place">{place || '—'}</span> },
    ...(value.address ? [{ key: 'address', label: t('cases.field.address'), children: value.address }] : []),
    { key: 'handler', label: t('cases.field.handler'), children: <span data-testid="case-handler">{value.handler?.name ?? '—'}</span> },
    ...(showReporter
      ? [
          {
            key: 'reporter',
            label: t('cases.field.reporter'),
            children: (
              <span data-testid="case-reporter" data-anonymous={String(value.reporter === null)}>
                {value.reporter ? [value.reporter.name, value.reporter.phoneMasked].filter(Boolean).join(' · ') || '—' : <Tag>{t('cases.anonymous')}</Tag>}
              </span>
            ),
          },
        ]
      : []),
    ...(value.mergedInto
      ? [{ key: 'merged', label: t('cases.field.mergedInto'), children: <Link to={caseLink(value.mergedInto.id)} data-testid="case-merged-into" data-number={value.mergedInto.number}>{value.mergedInto.number}</Link> }]
      : []),
    ...(value.related.length > 0
      ? [
          {
            key: 'related',
            label: t('cases.field.related'),
            children: (
              <Flex vertical gap={2}>
                {value.related.map((r) => (
                  <span key={r.id}>
                    {t(RELATION_KEYS[r.relation])}{' '}
                    <Link to={caseLink(r.id)} data-testid="case-related" data-relation={r.relation} data-number={r.number}>{r.number}</Link>
                  </span>
                ))}
              </Flex>
            ),
          },
        ]
      : []),
    ...(showReporter && value.duplicateOf
      ? [{ key: 'dup', label: t('cases.field.duplicateOf'), children: <Link to={caseLink(value.duplicateOf)}>{t('cases.eventText.duplicate')}</Link> }]
      : []),
    {
      key: 'description',
      label: t('cases.field.description'),
      span: 'filled' as const,
      children: <span data-testid="case-description" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{value.description}</span>,
    },
  ];
  return <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={items} />;
}
