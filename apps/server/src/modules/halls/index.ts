/** 政务服务大厅: halls, windows, appointment slots, queue tickets and visits. The only surface other modules import. */
export { HallService, type HallDeps } from './halls.service.ts';
export { HallQueue, type VisitSubject } from './queue.service.ts';
export { HallRepository } from './halls.repository.ts';
export { hallMigrations } from './migrations/index.ts';
export { hallBindings } from './halls.routes.ts';
export { DEMO_HALLS, seedHalls } from './seed-data.ts';
