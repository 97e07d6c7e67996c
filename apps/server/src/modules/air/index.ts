export { AirService, categoryView } from './air.service.ts';
export { airBindings } from './air.routes.ts';
export { airCommands, demoAirFiles } from './air.cli.ts';
export { importUciFiles, stationTable, NATIONAL_NETWORK, AIR_DATA_DIR, type AirImportResult } from './air.import.ts';
export { readUci, type UciRow } from './uci.ts';
export { AirRankingService } from './rankings.service.ts';
export { airRankingBindings } from './rankings.routes.ts';
