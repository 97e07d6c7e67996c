export { Open311Service, Open311Error } from './open311.service.ts';
export { open311Migrations } from './migrations/index.ts';
export { open311Bindings } from './open311.routes.ts';
