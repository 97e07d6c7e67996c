export { SessionService, subjectOf } from './session.service.ts';
export { AccountService, type AccountProfile, type AccountView, type NewStaff } from './account.service.ts';
export { IdentityRepository } from './identity.repository.ts';
export { identityMigrations } from './migrations/index.ts';
export { identityBindings } from './identity.routes.ts';
export { idNumberProblem, idNumberCheckChar, usccProblem, usccCheckChar, maskIdNumber } from './identity.validation.ts';
