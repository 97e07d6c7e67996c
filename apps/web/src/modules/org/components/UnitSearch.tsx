import { useEffect, useState } from 'react';
import { AutoComplete, Input, Tag } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useT } from '../../../shared/i18n/index.ts';
import { errorText, isAbort } from '../../../shared/api/errors.ts';
import { searchUnits, type UnitSearchHit } from '../api.ts';
import { LEVEL_COLORS, LEVEL_KEYS } from '../levels.ts';

// Wait for a pause in typing: one request per word, not per keystroke.
const DEBOUNCE_MS = 250;

/**
 * Finds org units by part of a name or a code prefix. Each hit shows its
 * level and path (which 建外街道, in which district), so look-alike names are told apart.
 */
export function UnitSearch({ onPick }: { onPick(code: string): void }) {
  const t = useT();
  const [text, setText] = useState('');
  const [hits, setHits] = useState<UnitSearchHit[]>([]);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const q = text.trim();
    if (!q) {
      setHits([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      searchUnits(q, 20, controller.signal).then(
        (items) => {
          setHits(items);
          setProblem(null);
        },
        (err: unknown) => {
          if (!isAbort(err)) setProblem(errorText(t, err));
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, t]);

  const options = hits.map((hit) => ({
    value: hit.code,
    label: (
      <span data-testid={`org-search-hit-${hit.code}`}>
        <Tag color={LEVEL_COLORS[hit.level]}>{t(LEVEL_KEYS[hit.level])}</Tag>
        {hit.name}
        {hit.path && hit.path.length > 1 ? (
          <span style={{ opacity: 0.6, marginInlineStart: 6, fontSize: 12 }}>
            {hit.path
              .slice(0, -1)
              .map((p) => p.name)
              .join(' / ')}
          </span>
        ) : null}
      </span>
    ),
  }));

  return (
    <AutoComplete
      style={{ width: '100%' }}
      value={text}
      options={options}
      onChange={(value: string) => setText(value)}
      onSelect={(code: string) => {
        setText('');
        setHits([]);
        onPick(code);
      }}
      notFoundContent={text.trim() ? (problem ?? t('directory.noResults')) : null}
    >
      <Input data-testid="org-search" prefix={<SearchOutlined />} placeholder={t('directory.searchPlaceholder')} allowClear />
    </AutoComplete>
  );
}
