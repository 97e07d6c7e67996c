export { NotificationService, OutboxAdapter, type ChannelAdapter, type Message, type Reachability } from './notifications.service.ts';
export { NotificationRepository } from './notifications.repository.ts';
export { notificationMigrations } from './migrations/index.ts';
export { notificationBindings } from './notifications.routes.ts';
export { notificationCommands } from './notifications.cli.ts';
