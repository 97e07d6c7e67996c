export { ApplicationService, type ApplicationDeps } from './applications.service.ts';
export type { Submission } from './applications.submission.ts';
export { ApplicationHandling } from './applications.handling.ts';
export { ApplicationRepository } from './applications.repository.ts';
export { applicationMigrations } from './migrations/index.ts';
export { applicationBindings } from './applications.routes.ts';
