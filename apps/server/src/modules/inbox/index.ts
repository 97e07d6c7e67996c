export { InboxService, lightOf, type NewWorkItem } from './inbox.service.ts';
export { InboxRepository } from './inbox.repository.ts';
export { inboxMigrations } from './migrations/index.ts';
export { inboxBindings } from './inbox.routes.ts';
