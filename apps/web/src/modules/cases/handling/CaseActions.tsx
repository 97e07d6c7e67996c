import { useT } from '../../../shared/i18n/index.ts';
import { ActionPanel, type PanelAction } from '../../../shared/ui/ActionPanel.tsx';
import type { OrgUnitSummary } from '../../org/index.ts';
import type { CaseRecord } from '../hooks/useCaseRecord.ts';
import type { HandlingAction } from './allowedActions.ts';
import { ACTION_SPECS, type ActionContext } from './actionSpecs.tsx';

/**
 * The case page's actions (`action-<name>`): each sends the case version; a
 * 409 tells the user the case changed and reloads it (see {@link useCaseRecord}).
 */
export function CaseActions({ record, actions, timeZone, agencies, duplicate }: { record: CaseRecord; actions: HandlingAction[]; timeZone: string; agencies: readonly OrgUnitSummary[]; duplicate: ActionContext['duplicate'] }) {
  const t = useT();
  const value = record.data;
  if (!value) return null;
  const ctx: ActionContext = { value, timeZone, agencies, duplicate, t };
  const panel: PanelAction[] = actions.map((key) => {
    const spec = ACTION_SPECS[key];
    return { key, label: spec.label, danger: spec.danger, fields: spec.fields?.(ctx), initial: spec.initial?.(ctx), errors: spec.errors };
  });
  return (
    <div data-testid="case-actions" data-actions={actions.join(' ')}>
      <ActionPanel
        actions={panel}
        emptyText="handling.noActions"
        run={async (key, values) => {
          const spec = ACTION_SPECS[key as HandlingAction];
          return (await record.act(spec.path, spec.body(values, ctx))) !== null;
        }}
      />
    </div>
  );
}
