/** Notices (通知公告): published to an org subtree, read and acknowledged (签收) per person. The only surface other modules import. */
export { listNotices, getNotice } from './api.ts';
export type { Notice } from './api.ts';
export { NoticesPage } from './pages/NoticesPage.tsx';
export { NoticePage } from './pages/NoticePage.tsx';
export { PublishNoticePage } from './pages/PublishNoticePage.tsx';
export { useUnreadNotices } from './hooks/useUnreadNotices.ts';
