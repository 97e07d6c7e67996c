export { SupervisionService, type ActionInput, type NewTask, type OrgLookup } from './supervision.service.ts';
export { SupervisionRepository } from './supervision.repository.ts';
export { supervisionMigrations } from './migrations/index.ts';
export { supervisionBindings } from './supervision.routes.ts';
