import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useEffect } from 'react';
import { BrowserRouter, Route, Routes, useNavigate } from 'react-router';
import { ApiError, setUnauthenticatedHandler } from './api/client';
import { FullPageSpin } from './components/FullPageSpin';
import { LocaleProvider } from './i18n/LocaleProvider';

const LoginPage = lazy(() => import('./pages/login/LoginPage'));
const AppFrame = lazy(() => import('./components/AppFrame'));

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A 4xx will not change by asking again; network trouble and 5xx might.
      retry: (count, error) =>
        count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

/** On a 401 anywhere: forget the cached data and go to the login page, coming back afterwards. */
function UnauthenticatedRedirect() {
  const navigate = useNavigate();
  useEffect(() => {
    setUnauthenticatedHandler(() => {
      const { pathname, search } = window.location;
      if (pathname === '/login') return;
      queryClient.clear();
      navigate(`/login?next=${encodeURIComponent(pathname + search)}`, { replace: true });
    });
  }, [navigate]);
  return null;
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <LocaleProvider>
        <BrowserRouter>
          <UnauthenticatedRedirect />
          <Suspense fallback={<FullPageSpin />}>
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              <Route path="/*" element={<AppFrame />} />
            </Routes>
          </Suspense>
        </BrowserRouter>
      </LocaleProvider>
    </QueryClientProvider>
  );
}
