import { useEffect, useState } from 'react';
import { Card, Descriptions, Flex, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../../shared/i18n/index.ts';
import { useClientConfig, DEFAULT_CLIENT_CONFIG } from '../../../shared/clientConfig.ts';
import { formatInstant } from '../../../shared/format.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { BackLink } from '../../../shared/ui/BackLink.tsx';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { PageLoading } from '../../../shared/ui/PageLoading.tsx';
import { hasPermission, useSession } from '../../identity/index.ts';
import { getTask, type Assignment, type SupervisionTask } from '../api.ts';
import { sourceName } from '../labels.ts';
import { AssignmentCard } from '../components/AssignmentCard.tsx';

/**
 * One 督办 task: what, from whom, by when, and each assigned unit's part
 * (the issuer sees every unit; a unit sees its own) with its history and steps.
 */
export function SupervisionTaskPage({ basePath }: { basePath: string }) {
  const { t, locale } = useI18n();
  const { id = '' } = useParams<{ id: string }>();
  const { me } = useSession();
  const timeZone = (useClientConfig().data ?? DEFAULT_CLIENT_CONFIG).timeZone;
  const loaded = useAsync((signal) => getTask(id, signal), [id]);
  // Assignments replaced by the answers of the steps taken since the last load.
  const [task, setTask] = useState<SupervisionTask | undefined>(undefined);
  useEffect(() => setTask(loaded.data), [loaded.data]);
  // A step answers the assignment without its history: reload to show the new event.
  const changed = (next: Assignment) => {
    setTask((prev) => prev && { ...prev, assignments: prev.assignments.map((a) => (a.id === next.id ? { ...next, events: a.events } : a)) });
    loaded.reload();
  };

  const back = <BackLink to={basePath} label={t('supervision.title')} />;
  if (loaded.error) return <Flex vertical gap={8}>{back}<ErrorAlert error={loaded.error} onRetry={loaded.reload} /></Flex>;
  if (!task) return <PageLoading />;
  const issuer = hasPermission(me, 'supervision.manage');
  return (
    <Flex vertical gap={16} data-testid="supervision-task-page">
      {back}
      <Card title={<span data-testid="task-title">{task.title}</span>}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            { key: 'source', label: t('supervision.task.source'), children: sourceName(t, task.source) },
            { key: 'issuer', label: t('supervision.task.issuer'), children: task.issuerUnit.name },
            { key: 'created', label: t('supervision.task.created'), children: formatInstant(task.createdAt, locale, timeZone) },
            { key: 'due', label: t('supervision.task.due'), children: formatInstant(task.dueAt, locale, timeZone) },
          ]}
        />
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12, marginBottom: 0 }}>{task.description}</Typography.Paragraph>
        {task.source === 'rating' && task.sourceRef ? (
          <Link to={`/ban/ratings/${encodeURIComponent(task.sourceRef)}`} data-testid="task-rating-link">
            {t('supervision.task.openRating')}
          </Link>
        ) : null}
      </Card>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('supervision.task.assignments')}
      </Typography.Title>
      {task.assignments.map((a) => (
        <AssignmentCard
          key={a.id}
          value={a}
          roles={[...(me?.unit?.code === a.unit.code ? (['assignee'] as const) : []), ...(issuer ? (['issuer'] as const) : [])]}
          timeZone={timeZone}
          onChanged={changed}
          onStale={loaded.reload}
        />
      ))}
    </Flex>
  );
}
