import type { QueryClient } from '@tanstack/react-query';
import { meQuery } from './api/session';

/**
 * Starts what the first screen will wait for while the language catalogue loads, instead of
 * one after another (catalogue → frame chunk → /me → page chunk → the page's calls): the frame
 * and the signed-in user for any page behind the login, and the home page's chunk when the
 * visit starts there. The lazy imports in App.tsx and navigation.tsx then find them loaded.
 */
export function preloadFirstScreen(path: string, queryClient: QueryClient): void {
  if (path === '/login') return;
  void import('./components/AppFrame');
  void queryClient.prefetchQuery(meQuery);
  if (path === '/' || path === '/my-day') void import('./pages/tasks/MyDayPage');
}
