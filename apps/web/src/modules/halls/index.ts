/** 政务服务大厅: halls, appointments and tickets (Tong), the call screen, the window console and hall administration (Ban). The only surface other modules import. */
export { HallsPage } from './pages/HallsPage.tsx';
export { HallPage } from './pages/HallPage.tsx';
export { MyHallsPage } from './pages/MyHallsPage.tsx';
export { TicketPage } from './pages/TicketPage.tsx';
export { ScreenPage } from './pages/ScreenPage.tsx';
export { ClerkConsolePage } from './pages/ClerkConsolePage.tsx';
export { HallAdminPage } from './pages/HallAdminPage.tsx';
/** For 窗口收件: the visit an application is started for, and linking it once submitted. */
export { getVisit, linkApplication, type Visit } from './api.ts';
