export { OrgService, toSummary, pathCodes, type ImportUnit } from './org.service.ts';
export { OrgRepository } from './org.repository.ts';
export { orgMigrations } from './migrations/index.ts';
export { orgBindings } from './org.routes.ts';
export { beijingDivisions, allChinaDivisions, agencies, agencyTypes, DATA_DIR } from './org.sources.ts';
