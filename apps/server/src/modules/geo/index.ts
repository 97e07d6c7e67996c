export { GeoService } from './geo.service.ts';
export { GeoRepository } from './geo.repository.ts';
export { geoMigrations } from './migrations/index.ts';
export { geoBindings } from './geo.routes.ts';
export { contains, bboxOf } from './geometry.ts';
