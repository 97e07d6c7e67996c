import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Flex, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useT, type MessageKey, type TFunction } from '../i18n/index.ts';
import { ApiError } from '../api/index.ts';
import { errorText } from '../api/errors.ts';
import { fileUrl, uploadFile } from '../api/files.ts';
import { DEFAULT_CLIENT_CONFIG, useClientConfig } from '../clientConfig.ts';
import { FileThumbs } from './FileThumbs.tsx';

/** A file uploaded through {@link FileUpload}: its id goes into the request that attaches it. */
export interface UploadedFile {
  id: string;
  contentType: string;
  name: string | null;
}

/** Props of {@link FileUpload}; `value`/`onChange` make it an antd form control. */
export interface FileUploadProps {
  value?: UploadedFile[];
  onChange?(files: UploadedFile[]): void;
  /** The content types allowed, e.g. `['image/jpeg', 'image/png']`. */
  accept: readonly string[];
  maxFiles?: number;
  /** At most this size per file; never more than the server's limit (client config). */
  maxBytes?: number;
  /** The add button's text. */
  label?: MessageKey;
  /** Prefix of the test ids: `<testId>-files` (with `data-count`, `data-busy`), `-file` (the input), `-add`, `-thumbs`, `-error`. */
  testId: string;
}

const SHORT: Record<string, string> = { 'image/jpeg': 'JPG', 'image/png': 'PNG', 'image/webp': 'WEBP', 'application/pdf': 'PDF' };
const megabytes = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

/** What to tell the user when the server refused a file; its code is translated, never its English text. */
function refusal(t: TFunction, err: unknown, name: string, types: string, max: string): string {
  if (err instanceof ApiError && err.code === 'unsupported_media_type') return t('files.err.type', { name, types });
  if (err instanceof ApiError && err.code === 'payload_too_large') return t('files.err.size', { name, max });
  if (err instanceof ApiError && err.code === 'validation_failed') return t('files.err.content', { name });
  return t('files.err.upload', { name, reason: errorText(t, err) });
}

/**
 * Attaching files (photos, PDFs) to a form: each is checked here (type, size,
 * count) with a message naming it, then uploaded at once through
 * `POST /api/v1/files`; the server checks again and its refusal is shown the
 * same way. Uploaded files show as thumbnails with a remove button.
 */
export function FileUpload({ value = [], onChange, accept, maxFiles = 9, maxBytes, label = 'files.add', testId }: FileUploadProps) {
  const t = useT();
  const serverLimit = (useClientConfig().data ?? DEFAULT_CLIENT_CONFIG).uploadLimitBytes;
  const limit = Math.min(maxBytes ?? serverLimit, serverLimit);
  const input = useRef<HTMLInputElement>(null);
  // The files picked so far, including those added while an upload was running.
  const latest = useRef(value);
  useEffect(() => {
    latest.current = value;
  }, [value]);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const types = accept.map((a) => SHORT[a] ?? a).join('/');

  async function pick(list: FileList | null) {
    const picked = Array.from(list ?? []);
    if (input.current) input.current.value = '';
    if (picked.length === 0) return;
    const found: string[] = [];
    const room = maxFiles - latest.current.length;
    if (picked.length > room) found.push(t('files.err.count', { max: maxFiles }));
    const fit = picked.slice(0, Math.max(room, 0)).filter((f) => {
      if (!accept.includes(f.type)) found.push(t('files.err.type', { name: f.name, types }));
      else if (f.size > limit) found.push(t('files.err.size', { name: f.name, max: megabytes(limit) }));
      else return true;
      return false;
    });
    setBusy(true);
    setProblems(found);
    const added: UploadedFile[] = [];
    for (const f of fit) {
      try {
        const stored = await uploadFile(f);
        added.push({ id: stored.id, contentType: stored.contentType, name: stored.name });
      } catch (err) {
        found.push(refusal(t, err, f.name, types, megabytes(limit)));
      }
    }
    setBusy(false);
    setProblems([...found]);
    if (added.length) onChange?.([...latest.current, ...added]);
  }

  return (
    <Flex vertical gap={8} data-testid={`${testId}-files`} data-count={value.length} data-busy={String(busy)}>
      <FileThumbs testId={`${testId}-thumbs`} files={value.map((f) => ({ ...f, url: fileUrl(f.id) }))} onRemove={(id) => onChange?.(value.filter((f) => f.id !== id))} />
      <Flex gap={8} align="center" wrap>
        <Button icon={<PlusOutlined />} loading={busy} disabled={value.length >= maxFiles} onClick={() => input.current?.click()} data-testid={`${testId}-add`}>
          {t(label)}
        </Button>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('files.hint', { types, max: megabytes(limit), n: value.length, of: maxFiles })}
        </Typography.Text>
      </Flex>
      <input ref={input} type="file" multiple hidden style={{ display: 'none' }} accept={accept.join(',')} onChange={(e) => void pick(e.target.files)} data-testid={`${testId}-file`} />
      {problems.length ? <Alert type="error" showIcon data-testid={`${testId}-error`} title={problems.map((p, i) => <div key={i}>{p}</div>)} /> : null}
    </Flex>
  );
}
