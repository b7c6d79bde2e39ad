import { useTranslation } from 'react-i18next';
import type { Role } from '../api/types';

/** Role names in the user's language (keys written out so the catalogue test sees them). */
export function useRoleLabel(): (role: Role) => string {
  const { t } = useTranslation();
  return (role) => {
    switch (role) {
      case 'admin':
        return t('roles.admin');
      case 'manager':
        return t('roles.manager');
      case 'rep':
        return t('roles.rep');
    }
  };
}
