import type { TFunction } from 'i18next';
import type { CollaboratorAccess } from '../../../server/modules/collaborators/collaborators.schema';

// Names of the sharing levels, each key written out so the catalogue test can see it.

export function accessLabel(t: TFunction, access: CollaboratorAccess): string {
  return access === 'write' ? t('collaborators.access.write') : t('collaborators.access.read');
}

export function yourAccessLabel(t: TFunction, access: CollaboratorAccess): string {
  return access === 'write' ? t('collaborators.yours.write') : t('collaborators.yours.read');
}
