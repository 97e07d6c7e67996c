import { useCallback, useEffect, useState } from 'react';
import { App } from 'antd';
import { useT } from '../../../shared/i18n/index.ts';
import { ApiError } from '../../../shared/api/index.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { announceWorkChanged } from '../../../shared/workChanged.ts';
import { actOnCase, getCase, type CaseActionBodies, type CaseActionPath, type CaseView } from '../api.ts';

/** The fields of an action's body other than the `version`, which the hook adds. */
export type ActionFields<P extends CaseActionPath> = Omit<CaseActionBodies[P], 'version'>;

/** A case being worked on: its latest state and a way to act on it. */
export interface CaseRecord {
  data: CaseView | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
  /**
   * Sends an action with the version on screen. Answers the updated case, or
   * `null` when someone changed the case first (409): the user is told and the
   * case reloads. Other failures are thrown, for the form to show.
   */
  act<P extends CaseActionPath>(path: P, fields: ActionFields<P>): Promise<CaseView | null>;
}

/** Loads a case and keeps it current through the actions taken on it (optimistic concurrency by `version`). */
export function useCaseRecord(id: string): CaseRecord {
  const t = useT();
  const { message } = App.useApp();
  const loaded = useAsync((signal) => getCase(id, signal), [id]);
  // An action answers the case as it is now; that is newer than the last load until the next load.
  const [latest, setLatest] = useState<CaseView | null>(null);
  useEffect(() => setLatest(null), [loaded.data]);
  const data = latest ?? loaded.data;
  const { reload } = loaded;

  const act = useCallback(
    async <P extends CaseActionPath>(path: P, fields: ActionFields<P>): Promise<CaseView | null> => {
      if (!data) return null;
      try {
        const next = await actOnCase(data.id, path, { ...fields, version: data.version } as CaseActionBodies[P]);
        setLatest(next);
        announceWorkChanged();
        return next;
      } catch (err) {
        if (err instanceof ApiError && err.status === 409) {
          void message.warning(t('cases.err.changed'));
          reload();
          return null;
        }
        throw err;
      }
    },
    [data, message, t, reload],
  );

  return { data, error: loaded.error, loading: loaded.loading, reload, act };
}
