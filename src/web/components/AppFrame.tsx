import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import { ApiError } from '../api/client';
import { useMe } from '../api/session';
import { changeLocale, rememberLocale } from '../i18n';
import { homePathFor, PAGES, pagesFor } from '../navigation';
import { ForbiddenPage, NoPagesYet, NotFoundPage } from '../pages/StatusPages';
import { AppLayout } from './AppLayout';
import { CurrentUserContext } from './CurrentUser';
import { FullPageSpin } from './FullPageSpin';
import { ErrorState, ListSkeleton } from './PageStates';

/** Everything behind the login: loads who is signed in, then the layout and the pages. */
export default function AppFrame() {
  const me = useMe();
  const { i18n } = useTranslation();
  const savedLocale = me.data?.locale;

  // The language saved on the account wins over this browser's.
  useEffect(() => {
    if (savedLocale && savedLocale !== i18n.language) {
      void changeLocale(savedLocale);
      rememberLocale(savedLocale);
    }
  }, [savedLocale, i18n]);

  if (me.isPending) return <FullPageSpin />;
  if (me.isError) {
    // A 401 is already on its way to the login page.
    if (me.error instanceof ApiError && me.error.status === 401) return <FullPageSpin />;
    return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  }

  const user = me.data;
  const home = homePathFor(user.role);
  return (
    <CurrentUserContext.Provider value={user}>
      <AppLayout user={user} pages={pagesFor(user.role)}>
        <Suspense fallback={<ListSkeleton rows={8} />}>
          <Routes>
            <Route index element={home ? <Navigate to={home} replace /> : <NoPagesYet />} />
            {PAGES.map((page) => (
              <Route
                key={page.key}
                path={page.path}
                element={page.roles.includes(user.role) ? <page.component /> : <ForbiddenPage />}
              />
            ))}
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </Suspense>
      </AppLayout>
    </CurrentUserContext.Provider>
  );
}
