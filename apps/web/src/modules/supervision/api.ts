import type { AssignmentStatus, BodyOf, ResponseOf, supervisionRoutes } from '@jing/contracts';
import { api, seg } from '../../shared/api/index.ts';

type Routes = typeof supervisionRoutes;
export type { AssignmentStatus };
export type SupervisionTask = ResponseOf<Routes['get']>;
export type Assignment = SupervisionTask['assignments'][number];
export type NewTaskInput = BodyOf<Routes['create']>;
export type TaskSource = NewTaskInput['source'];
export type UnitStats = ResponseOf<Routes['stats']>['items'][number];

/** Where a task comes from, in the order the create form offers them. */
export const TASK_SOURCES: readonly TaskSource[] = ['leader_instruction', 'meeting', 'key_task', 'case', 'alert', 'audit', 'other'];

/** Tasks assigned to my unit, or issued within my scope (`supervision.manage`). */
export async function listTasks(role: 'assigned' | 'issued', status: 'open' | 'closed' | 'all', signal?: AbortSignal): Promise<SupervisionTask[]> {
  const res = await api.get<ResponseOf<Routes['list']>>('/api/v1/supervision/tasks', { query: { role, status, limit: 200 }, signal });
  return res.items;
}

/** One task with the assignments the caller may see and their history. */
export function getTask(id: string, signal?: AbortSignal): Promise<SupervisionTask> {
  return api.get<SupervisionTask>(`/api/v1/supervision/tasks/${seg(id)}`, { signal });
}

/** 立项交办: registers a task and assigns it to units in the caller's scope. */
export function createTask(input: NewTaskInput): Promise<SupervisionTask> {
  return api.post<SupervisionTask>('/api/v1/supervision/tasks', input);
}

/** The body of each assignment action, by its path under `/api/v1/supervision/assignments/{id}/`. */
export interface AssignmentActionBodies {
  accept: BodyOf<Routes['accept']>;
  progress: BodyOf<Routes['progress']>;
  extension: BodyOf<Routes['requestExtension']>;
  'extension/decision': BodyOf<Routes['decideExtension']>;
  report: BodyOf<Routes['report']>;
  return: BodyOf<Routes['return']>;
  close: BodyOf<Routes['close']>;
  evaluate: BodyOf<Routes['evaluate']>;
}
export type AssignmentActionPath = keyof AssignmentActionBodies;

/** One step on an assignment; a stale `version` fails with `conflict` (409). */
export function actOnAssignment<P extends AssignmentActionPath>(id: string, path: P, body: AssignmentActionBodies[P]): Promise<Assignment> {
  return api.post<Assignment>(`/api/v1/supervision/assignments/${seg(id)}/${path}`, body);
}

/** Per-unit statistics of supervised work within a subtree (default: the caller's unit). */
export async function getStats(within: string | undefined, signal?: AbortSignal): Promise<UnitStats[]> {
  const res = await api.get<ResponseOf<Routes['stats']>>('/api/v1/supervision/stats', { query: { within }, signal });
  return res.items;
}
