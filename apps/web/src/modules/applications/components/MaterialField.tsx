import { useEffect, useState } from 'react';
import { Flex, Radio, Select, Tag, Typography } from 'antd';
import type { ServiceItemDefinition } from '@jing/contracts';
import { useI18n } from '../../../shared/i18n/index.ts';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { uploadFile, type Prefill } from '../api.ts';

type Material = ServiceItemDefinition['situations'][number]['materials'][number];
export interface MaterialChoice {
  certificateId?: string;
  fileIds: string[];
  names: string[];
}

const ACCEPT: Record<string, string> = { pdf: 'application/pdf', jpg: 'image/jpeg', png: 'image/png' };

/**
 * One material: "use from my wallet" (免提交) when the government holds it and
 * the applicant has a certificate of its type, else an upload of the allowed types.
 */
export function MaterialField({ material: m, held, value, onChange }: { material: Material; held: Prefill['held'][string]; value?: MaterialChoice; onChange(c: MaterialChoice): void }) {
  const { t, locale } = useI18n();
  const [mode, setMode] = useState<'wallet' | 'upload'>(held.length ? 'wallet' : 'upload');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const choice = value ?? { fileIds: [], names: [] };
  const name = locale === 'en' && m.name.en ? m.name.en : m.name.zh;

  // 免提交 by default: a material the wallet already holds is attached by reference.
  useEffect(() => {
    if (held.length && !value) onChange({ certificateId: held[0]!.id, fileIds: [], names: [] });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  async function pick(files: FileList | null) {
    if (!files?.length) return;
    setBusy(true);
    setError(null);
    try {
      const up = [];
      for (const f of Array.from(files)) up.push(await uploadFile(f));
      onChange({ fileIds: [...choice.fileIds, ...up.map((u) => u.id)], names: [...choice.names, ...up.map((u) => u.name ?? '')] });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div data-testid={`material-${m.code}`} data-ready={String(!!choice.certificateId || choice.fileIds.length > 0)}>
      <Flex gap={6} align="center" wrap>
        <Typography.Text strong>{name}</Typography.Text>
        {m.required ? <Tag color="red">{t('apps.material.required')}</Tag> : <Tag>{t('apps.material.optional')}</Tag>}
        {m.heldByGovernment ? <Tag color="green">{t('apps.material.held')}</Tag> : null}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {m.formats.join('/').toUpperCase()} · ≤{Math.round(m.maxBytes / 1024 / 1024) || 1}MB
        </Typography.Text>
      </Flex>
      {held.length ? (
        <Radio.Group
          value={mode}
          onChange={(e) => {
            setMode(e.target.value);
            onChange(e.target.value === 'wallet' ? { certificateId: held[0]!.id, fileIds: [], names: [] } : { fileIds: [], names: [] });
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
          onChange={(id) => onChange({ certificateId: id, fileIds: [], names: [] })}
          options={held.map((c) => ({ value: c.id, label: `${c.title} · ${c.number}` }))}
          data-testid={`material-${m.code}-certificate`}
        />
      ) : (
        <Flex vertical gap={4} style={{ marginTop: 6 }}>
          <input type="file" multiple accept={m.formats.map((f) => ACCEPT[f]).join(',')} disabled={busy} onChange={(e) => void pick(e.target.files)} data-testid={`material-${m.code}-file`} />
          {choice.names.length ? <Typography.Text type="secondary" data-testid={`material-${m.code}-files`}>{t('apps.material.uploaded', { n: choice.names.length })}：{choice.names.join('、')}</Typography.Text> : null}
        </Flex>
      )}
      {error ? <ErrorAlert error={error} /> : null}
    </div>
  );
}
