/** Identity: sessions, sign-in, registration and the account page. The only surface other modules import. */
export { SessionProvider, useSession, hasPermission, scopeOf } from './session.tsx';
export { RequireAuth, isStaff } from './components/RequireAuth.tsx';
export { LoginForm } from './components/LoginForm.tsx';
export { AccountBadge } from './components/AccountBadge.tsx';
export { LoginPage } from './pages/LoginPage.tsx';
export { RegisterResidentPage } from './pages/RegisterResidentPage.tsx';
export { MyAccountPage } from './pages/MyAccountPage.tsx';
export type { Me, AccountView } from './api.ts';
