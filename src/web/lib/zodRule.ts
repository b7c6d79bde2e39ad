import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';
import type { z } from 'zod';

function isEmpty(value: unknown): boolean {
  return (
    value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
  );
}

function issueMessage(t: TFunction, issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_small':
      return Number(issue.minimum) <= 1
        ? t('validation.required')
        : t('validation.minLength', { min: Number(issue.minimum) });
    case 'too_big':
      return t('validation.maxLength', { max: Number(issue.maximum) });
    case 'invalid_format':
      return issue.format === 'email' ? t('validation.email') : t('validation.invalid');
    case 'invalid_value':
      return t('validation.choose');
    default:
      return t('validation.invalid');
  }
}

/**
 * An antd form rule from the server's own zod schema for that field, so the form says
 * as the user types what the server would refuse, in the user's language.
 */
export function zodRule(t: TFunction, schema: z.ZodType): FormRule {
  const optional = schema.safeParse(undefined).success;
  return {
    // Only marks the field as required; the validator below decides and words the message.
    required: !optional,
    validator: async (_rule, value: unknown) => {
      if (isEmpty(value)) {
        if (optional) return;
        throw new Error(t('validation.required'));
      }
      const result = schema.safeParse(value);
      const [issue] = result.success ? [] : result.error.issues;
      if (issue) throw new Error(issueMessage(t, issue));
    },
  };
}
