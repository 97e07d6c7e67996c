export { ServiceCatalogue, type ServiceSearch } from './services.service.ts';
export { ServiceRepository } from './services.repository.ts';
export { serviceMigrations } from './migrations/index.ts';
export { serviceBindings } from './services.routes.ts';
export { loadServiceItems, SERVICE_ITEMS_FILE } from './seed-data.ts';
export { serviceCommands } from './services.cli.ts';
