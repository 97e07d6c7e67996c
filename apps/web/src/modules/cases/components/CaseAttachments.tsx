import { Flex, Typography } from 'antd';
import { useT } from '../../../shared/i18n/index.ts';
import { FileThumbs } from '../../../shared/ui/FileThumbs.tsx';
import type { CaseView } from '../api.ts';

/**
 * A case's files: the reporter's photos (`case-photos`) and the units'
 * evidence (`case-evidence`), as thumbnails that open the full file.
 */
export function CaseAttachments({ value }: { value: CaseView }) {
  const t = useT();
  const groups = (['photo', 'evidence'] as const)
    .map((kind) => ({ kind, files: value.attachments.filter((a) => a.kind === kind).map((a) => ({ id: a.fileId, url: a.url, contentType: a.contentType })) }))
    .filter((g) => g.files.length > 0);
  return (
    <Flex vertical gap={12}>
      {groups.map((g) => (
        <div key={g.kind}>
          <Typography.Text type="secondary">{t(g.kind === 'photo' ? 'cases.files.photos' : 'cases.files.evidence')}</Typography.Text>
          <div style={{ marginTop: 6 }}>
            <FileThumbs testId={g.kind === 'photo' ? 'case-photos' : 'case-evidence'} files={g.files} />
          </div>
        </div>
      ))}
    </Flex>
  );
}
