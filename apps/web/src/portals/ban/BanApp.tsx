import { Navigate, Route, Routes } from 'react-router';
import { useT } from '../../shared/i18n/index.ts';
import { NotFoundPage } from '../../shared/ui/NotFoundPage.tsx';
import { isStaff, LoginPage, RequireAuth } from '../../modules/identity/index.ts';
import { DirectoryPage } from '../../modules/org/index.ts';
import { AuditPage } from '../../modules/audit/index.ts';
import { BanLayout } from './BanLayout.tsx';

/** 京办 Ban, the staff portal at `/ban`: directory (通讯录) and audit log. */
export default function BanApp() {
  const t = useT();
  return (
    <Routes>
      <Route path="login" element={<LoginPage title={t('ban.login.title')} subtitle={t('ban.login.subtitle')} home="/ban" allow={isStaff} languageSwitch />} />
      <Route
        element={
          <RequireAuth loginPath="/ban/login" allow={isStaff}>
            <BanLayout />
          </RequireAuth>
        }
      >
        <Route index element={<Navigate to="directory" replace />} />
        <Route path="directory/:code?" element={<DirectoryPage basePath="/ban/directory" />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path="*" element={<NotFoundPage home="/ban" />} />
      </Route>
    </Routes>
  );
}
