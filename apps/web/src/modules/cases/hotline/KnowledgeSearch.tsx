import { useState } from 'react';
import { Button, Card, Empty, Flex, Input, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useT } from '../../../shared/i18n/index.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { searchKnowledge, type KnowledgeEntry } from '../api.ts';

/**
 * 知识库 search beside a consultation: starts with the caller's words, Enter
 * searches again; Tab goes straight from the search box to the first answer's
 * insert button (`kb-insert` in `kb-result`), so the operator stays on the keyboard.
 */
export function KnowledgeSearch({ initialQuery, onPick }: { initialQuery: string; onPick(entry: KnowledgeEntry): void }) {
  const t = useT();
  const [text, setText] = useState(initialQuery);
  const [q, setQ] = useState(initialQuery);
  const { data, error, loading, reload } = useAsync((signal) => searchKnowledge(q, 5, signal), [q]);
  return (
    <Flex vertical gap={8} data-testid="kb" data-count={data?.length ?? ''} data-loading={String(loading)}>
      <Typography.Text strong>{t('hotline.kb.title')}</Typography.Text>
      <Input
        prefix={<SearchOutlined />}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onPressEnter={() => setQ(text.trim())}
        autoFocus
        maxLength={100}
        placeholder={t('hotline.kb.placeholder')}
        data-testid="kb-search"
      />
      {error ? <ErrorAlert error={error} onRetry={reload} /> : null}
      {data && data.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hotline.kb.none')} /> : null}
      {(data ?? []).map((e) => (
        <Card key={e.id} size="small" data-testid="kb-result" data-id={e.id}>
          <Flex justify="space-between" align="start" gap={8}>
            <div style={{ minWidth: 0 }}>
              <Typography.Text strong>{e.question}</Typography.Text>
              <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
                {e.answer}
              </Typography.Paragraph>
            </div>
            <Button size="small" onClick={() => onPick(e)} data-testid="kb-insert">
              {t('hotline.kb.insert')}
            </Button>
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}
