import { Button, Flex, Image, Typography } from 'antd';
import { CloseOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useT } from '../i18n/index.ts';

/** A stored file to show: images as thumbnails, anything else (PDFs) as a tile that opens it. */
export interface ThumbFile {
  id: string;
  url: string;
  contentType: string;
  name?: string | null;
}

const SIZE = 72;

/**
 * Thumbnails of stored files (`<testId>-item`, with `data-file-id`). An image
 * opens full size in a preview (arrows move between them); a PDF opens in a new
 * tab. The browser fetches both with the session cookie — the files route checks
 * who may read them. With `onRemove`, each tile has a remove button (`<testId>-remove`).
 */
export function FileThumbs({ files, testId, onRemove }: { files: readonly ThumbFile[]; testId: string; onRemove?(id: string): void }) {
  const t = useT();
  if (files.length === 0) return null;
  return (
    <Image.PreviewGroup>
      <Flex wrap gap={8} data-testid={testId} data-count={files.length}>
        {files.map((f) => (
          <div key={f.id} data-testid={`${testId}-item`} data-file-id={f.id} style={{ position: 'relative', width: SIZE, height: SIZE }}>
            {f.contentType.startsWith('image/') ? (
              <Image src={f.url} alt={f.name ?? t('files.photo')} width={SIZE} height={SIZE} style={{ objectFit: 'cover', borderRadius: 6 }} />
            ) : (
              <a href={f.url} target="_blank" rel="noopener noreferrer" title={f.name ?? undefined} style={{ display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center', width: SIZE, height: SIZE, border: '1px solid rgba(5,5,5,0.15)', borderRadius: 6 }}>
                <FilePdfOutlined style={{ fontSize: 26, color: '#cf1322' }} />
                <Typography.Text ellipsis style={{ fontSize: 11, maxWidth: SIZE - 8 }}>
                  {f.name ?? 'PDF'}
                </Typography.Text>
              </a>
            )}
            {onRemove ? (
              <Button
                size="small"
                shape="circle"
                icon={<CloseOutlined />}
                aria-label={t('files.remove', { name: f.name ?? '' })}
                data-testid={`${testId}-remove`}
                onClick={() => onRemove(f.id)}
                style={{ position: 'absolute', top: -8, right: -8 }}
              />
            ) : null}
          </div>
        ))}
      </Flex>
    </Image.PreviewGroup>
  );
}
