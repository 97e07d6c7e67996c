export { NoticeService, type NoticeDeps } from './notices.service.ts';
export { NoticeRepository } from './notices.repository.ts';
export { noticeMigrations } from './migrations/index.ts';
export { noticeBindings } from './notices.routes.ts';
