import { useEffect, useState } from 'react';
import { Flex, Radio, Select, Tag, Typography } from 'antd';
import type { ServiceItemDefinition } from '@jing/contracts';
import { useI18n } from '../../../shared/i18n/index.ts';
import { FileUpload, type UploadedFile } from '../../../shared/ui/FileUpload.tsx';
import type { Prefill } from '../api.ts';

type Material = ServiceItemDefinition['situations'][number]['materials'][number];
export interface MaterialChoice {
  certificateId?: string;
  files: UploadedFile[];
}

const ACCEPT: Record<string, string> = { pdf: 'application/pdf', jpg: 'image/jpeg', png: 'image/png' };

/**
 * One material: "use from my wallet" (免提交) when the government holds it and
 * the applicant has a certificate of its type, else an upload of the allowed types.
 */
export function MaterialField({ material: m, held, value, onChange }: { material: Material; held: Prefill['held'][string]; value?: MaterialChoice; onChange(c: MaterialChoice): void }) {
  const { t, locale } = useI18n();
  const [mode, setMode] = useState<'wallet' | 'upload'>(held.length ? 'wallet' : 'upload');
  const choice = value ?? { files: [] };
  const name = locale === 'en' && m.name.en ? m.name.en : m.name.zh;

  // 免提交 by default: a material the wallet already holds is attached by reference.
  useEffect(() => {
    if (held.length && !value) onChange({ certificateId: held[0]!.id, files: [] });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <div data-testid={`material-${m.code}`} data-ready={String(!!choice.certificateId || choice.files.length > 0)}>
      <Flex gap={6} align="center" wrap>
        <Typography.Text strong>{name}</Typography.Text>
        {m.required ? <Tag color="red">{t('apps.material.required')}</Tag> : <Tag>{t('apps.material.optional')}</Tag>}
        {m.heldByGovernment ? <Tag color="green">{t('apps.material.held')}</Tag> : null}
      </Flex>
      {held.length ? (
        <Radio.Group
          value={mode}
          onChange={(e) => {
            setMode(e.target.value);
            onChange(e.target.value === 'wallet' ? { certificateId: held[0]!.id, files: [] } : { files: [] });
          }}
          style={{ marginTop: 4 }}
        >
          <Radio value="wallet" data-testid={`material-${m.code}-wallet`}>{t('apps.material.fromWallet')}</Radio>
          <Radio value="upload" data-testid={`material-${m.code}-upload`}>{t('apps.material.upload')}</Radio>
        </Radio.Group>
      ) : null}
      {mode === 'wallet' && held.length ? (
        <Select
          style={{ width: '100%', marginTop: 6 }}
          value={choice.certificateId ?? held[0]!.id}
          onChange={(id) => onChange({ certificateId: id, files: [] })}
          options={held.map((c) => ({ value: c.id, label: `${c.title} · ${c.number}` }))}
          data-testid={`material-${m.code}-certificate`}
        />
      ) : (
        <div style={{ marginTop: 6 }}>
          <FileUpload testId={`material-${m.code}`} accept={m.formats.map((f) => ACCEPT[f]!)} maxBytes={m.maxBytes} maxFiles={20} label="apps.material.upload" value={choice.files} onChange={(files) => onChange({ files })} />
        </div>
      )}
    </div>
  );
}
