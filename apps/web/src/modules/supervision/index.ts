/** Supervision (督查督办): tasks assigned down the org tree, their steps, and statistics. The only surface other modules import. */
export { listTasks, getTask } from './api.ts';
export type { SupervisionTask, Assignment } from './api.ts';
export { SupervisionListPage } from './pages/SupervisionListPage.tsx';
export { SupervisionTaskPage } from './pages/SupervisionTaskPage.tsx';
export { CreateTaskPage } from './pages/CreateTaskPage.tsx';
export { SupervisionStatsPage } from './pages/SupervisionStatsPage.tsx';
