import { createContext, useContext } from 'react';
import type { User } from '../api/types';

export const CurrentUserContext = createContext<User | null>(null);

/** The signed-in user, for pages inside the app frame (which loads it before rendering them). */
export function useCurrentUser(): User {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser is only available inside the app frame');
  return user;
}
