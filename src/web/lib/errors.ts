import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { ApiError } from '../api/client';
import { currentLocale } from '../i18n';

/** A sentence for the user about a failed call, in their language where we know the code. */
export function describeError(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors.unexpected');
  switch (error.code) {
    case 'network_error':
      return t('errors.network');
    case 'invalid_credentials':
      return t('errors.invalidCredentials');
    case 'account_locked': {
      const until = error.problem.lockedUntil;
      return typeof until === 'string'
        ? t('errors.accountLockedUntil', {
            time: new Date(until).toLocaleTimeString(currentLocale()),
          })
        : t('errors.accountLocked');
    }
    case 'rate_limited':
      return t('errors.rateLimited');
    case 'forbidden':
      return t('errors.forbidden');
    case 'not_found':
      return t('errors.notFound');
    case 'version_conflict':
      return t('errors.versionConflict');
    case 'grading_in_progress':
      return t('errors.gradingInProgress');
    case 'internal_error':
      return t('errors.server');
    case 'unauthenticated':
      return t('errors.sessionEnded');
    default:
      // validation_failed, conflict and the feature codes carry a readable detail.
      return error.status >= 500 ? t('errors.server') : error.detail;
  }
}

/** Server field messages we can say in the user's language; anything else is shown as sent. */
function fieldMessage(t: TFunction, message: string): string {
  switch (message) {
    case 'is already used':
      return t('errors.field.taken');
    case 'is required':
      return t('validation.required');
    case 'is wrong':
      return t('errors.field.wrong');
    case 'no such team':
      return t('errors.field.noSuchTeam');
    case 'no such user':
      return t('errors.field.noSuchUser');
    case 'must be a manager or an admin':
      return t('errors.field.mustBeManager');
    default:
      return message;
  }
}

/**
 * Puts the server's field errors (`body.email`, `teamId`) on the form's fields and returns
 * what is left to say above the form, or null when every error found its field.
 */
export function showServerErrors(
  t: TFunction,
  form: FormInstance,
  fields: readonly string[],
  error: unknown,
): string | null {
  if (!(error instanceof ApiError) || error.errors.length === 0) return describeError(t, error);
  const known = new Set(fields);
  const placed: { name: string[]; errors: string[] }[] = [];
  let unplaced = false;
  for (const fieldError of error.errors) {
    const path = fieldError.field
      .replace(/^body\.?/, '')
      .split('.')
      .filter(Boolean);
    const [head] = path;
    if (head && known.has(head)) {
      placed.push({ name: [head], errors: [fieldMessage(t, fieldError.message)] });
    } else {
      unplaced = true;
    }
  }
  form.setFields(placed);
  return unplaced || placed.length === 0 ? describeError(t, error) : null;
}
