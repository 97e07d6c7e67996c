/** Inbox (待办): every module's to-do items for a person and their unit, with traffic lights. The only surface other modules import. */
export { listInbox } from './api.ts';
export type { TrafficLight, WorkItem } from './api.ts';
export { InboxPage } from './pages/InboxPage.tsx';
export { LightTag } from './components/LightTag.tsx';
export { useInboxBadge } from './hooks/useInboxBadge.ts';
