export { ApplicationService, type ApplicationDeps, type Submission } from './applications.service.ts';
export { ApplicationHandling } from './applications.handling.ts';
export { ApplicationRepository } from './applications.repository.ts';
export { applicationMigrations } from './migrations/index.ts';
export { applicationBindings } from './applications.routes.ts';
