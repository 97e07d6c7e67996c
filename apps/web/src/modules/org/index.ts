/** Organisation: the org tree, unit search and the staff directory (通讯录). The only surface other modules import. */
export { getUnit, listChildren, searchUnits, listStaff } from './api.ts';
export type { OrgLevel, OrgUnit, OrgUnitSummary, StaffMember, UnitSearchHit } from './api.ts';
export { LEVEL_KEYS, LEVEL_COLORS } from './levels.ts';
export { DirectoryPage } from './pages/DirectoryPage.tsx';
export { UnitSelect, type UnitSelectProps } from './components/UnitSelect.tsx';
export { UnitTreeSelect } from './components/UnitTreeSelect.tsx';
