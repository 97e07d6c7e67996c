import type { MessageKey, TFunction } from '../../shared/i18n/index.ts';
import type { AssignmentStatus, SupervisionTask, TaskSource } from './api.ts';

export const ASSIGNMENT_STATUS_KEYS: Record<AssignmentStatus, MessageKey> = {
  assigned: 'supervision.status.assigned',
  accepted: 'supervision.status.accepted',
  extension_requested: 'supervision.status.extension_requested',
  reported: 'supervision.status.reported',
  returned: 'supervision.status.returned',
  closed: 'supervision.status.closed',
};
export const ASSIGNMENT_STATUS_COLORS: Record<AssignmentStatus, string> = {
  assigned: 'blue',
  accepted: 'cyan',
  extension_requested: 'gold',
  reported: 'purple',
  returned: 'orange',
  closed: 'green',
};
export const SOURCE_KEYS: Record<TaskSource, MessageKey> = {
  leader_instruction: 'supervision.source.leader_instruction',
  meeting: 'supervision.source.meeting',
  key_task: 'supervision.source.key_task',
  case: 'supervision.source.case',
  alert: 'supervision.source.alert',
  audit: 'supervision.source.audit',
  other: 'supervision.source.other',
};

/** A task's source in words; one this version does not know keeps its code. */
export function sourceName(t: TFunction, source: string): string {
  // `rating`: raised by the system for a 好差评 bad review (not offered on the create form).
  if (source === 'rating') return t('supervision.source.rating');
  return source in SOURCE_KEYS ? t(SOURCE_KEYS[source as TaskSource]) : source;
}

const EVENT_TYPES = ['assign', 'accept', 'progress', 'extension_request', 'extension_approved', 'extension_rejected', 'report', 'return', 'close', 'evaluate', 'escalate'];

/** A history event's name; an unknown type keeps its code. */
export function supervisionEventName(t: TFunction, type: string): string {
  return EVENT_TYPES.includes(type) ? t(`supervision.event.${type}` as MessageKey) : type;
}

/**
 * Whether a task is still open: some assignment is not closed (销号). Lists
 * are filtered with it on the page too, because the server ignores `status`
 * for `role=issued` (a known server bug: closed tasks come back as open).
 */
export function isOpenTask(task: SupervisionTask): boolean {
  return task.assignments.some((a) => a.status !== 'closed');
}
