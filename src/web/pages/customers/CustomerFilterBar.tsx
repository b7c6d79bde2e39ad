import { Button, Flex, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n';
import { useUsers } from '../settings/api';
import { useGrades, useSourceChannels } from '../settings/archive/api';
import type { ListParams } from './api';
import { DebouncedInput } from './DebouncedInput';
import { CUSTOMER_SORT_OPTIONS } from './listParams';

const POOL = '__pool';
const csv = (value: string | undefined) => (value ? value.split(',').filter(Boolean) : []);

/** The list's server-side filters; every change goes into the URL (and so into saved views). */
export function CustomerFilterBar(props: {
  params: ListParams;
  onChange: (changes: Record<string, string | undefined>) => void;
  /** On a phone the filters share the row; on a desk each keeps its own width. */
  stacked?: boolean;
}) {
  const { t } = useTranslation();
  const { params, onChange } = props;
  const users = useUsers();
  const channels = useSourceChannels();
  const grades = useGrades();
  const locale = currentLocale();

  const ownerOptions = useMemo(
    () => [
      { value: POOL, label: t('customers.pool') },
      ...(users.data ?? [])
        .filter((user) => user.active)
        .map((user) => ({ value: user.id, label: user.name })),
    ],
    [users.data, t],
  );
  const owner = params.inPool === 'true' ? POOL : params.ownerId;
  const size = (desk: number) =>
    props.stacked ? { flex: '1 1 150px', minWidth: 0 } : { width: desk };
  const width = size(150);

  return (
    <Flex gap={8} wrap>
      <Select
        aria-label={t('customers.filters.owner')}
        placeholder={t('customers.filters.owner')}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        loading={users.isPending}
        value={owner}
        options={ownerOptions}
        onChange={(value?: string) =>
          onChange(
            value === POOL
              ? { inPool: 'true', ownerId: undefined }
              : { inPool: undefined, ownerId: value },
          )
        }
        style={width}
      />
      <Select
        aria-label={t('customers.filters.source')}
        placeholder={t('customers.filters.source')}
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        value={csv(params.source)}
        options={(channels.data ?? []).map((channel) => ({
          value: channel.name,
          label: channel.name,
        }))}
        onChange={(values: string[]) => onChange({ source: values.join(',') || undefined })}
        style={width}
      />
      <Select
        aria-label={t('customers.filters.tag')}
        placeholder={t('customers.filters.tag')}
        mode="tags"
        allowClear
        maxTagCount="responsive"
        value={csv(params.tag)}
        open={false}
        suffixIcon={null}
        onChange={(values: string[]) => onChange({ tag: values.join(',') || undefined })}
        style={width}
      />
      <Select
        aria-label={t('customers.filters.grade')}
        placeholder={t('customers.filters.grade')}
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        value={csv(params.grade)}
        options={(grades.data ?? []).map((grade) => ({
          value: grade.grade,
          label: grade.label[locale] || grade.grade,
        }))}
        onChange={(values: string[]) => onChange({ grade: values.join(',') || undefined })}
        style={width}
      />
      <DebouncedInput
        aria-label={t('customers.fields.province')}
        placeholder={t('customers.fields.province')}
        value={params.province ?? ''}
        onChange={(value) => onChange({ province: value || undefined })}
        style={size(110)}
      />
      <DebouncedInput
        aria-label={t('customers.fields.city')}
        placeholder={t('customers.fields.city')}
        value={params.city ?? ''}
        onChange={(value) => onChange({ city: value || undefined })}
        style={size(110)}
      />
      <Select
        aria-label={t('customers.filters.followUp')}
        placeholder={t('customers.filters.followUp')}
        allowClear
        value={params.followUp}
        options={[
          { value: 'overdue', label: t('customers.followUp.overdue') },
          { value: 'today', label: t('customers.followUp.today') },
          { value: 'week', label: t('customers.followUp.week') },
          { value: 'none', label: t('customers.followUp.none') },
        ]}
        onChange={(value?: string) => onChange({ followUp: value })}
        style={width}
      />
      <Select
        aria-label={t('customers.filters.qualified')}
        placeholder={t('customers.filters.qualified')}
        allowClear
        value={params.qualified}
        options={[
          { value: 'true', label: t('customers.qualified.yes') },
          { value: 'false', label: t('customers.qualified.no') },
        ]}
        onChange={(value?: string) => onChange({ qualified: value })}
        style={width}
      />
      <DebouncedInput
        aria-label={t('customers.filters.minScore')}
        placeholder={t('customers.filters.minScore')}
        inputMode="numeric"
        value={params.minScore ?? ''}
        onChange={(value) => onChange({ minScore: /^-?\d+$/.test(value) ? value : undefined })}
        style={size(110)}
      />
      <Select
        aria-label={t('customers.filters.status')}
        value={params.archived ?? 'false'}
        options={[
          { value: 'false', label: t('customers.status.active') },
          { value: 'true', label: t('customers.status.archived') },
          { value: 'all', label: t('customers.status.all') },
        ]}
        onChange={(value: string) => onChange({ archived: value === 'false' ? undefined : value })}
        style={size(110)}
      />
      <Select
        aria-label={t('customers.sort.label')}
        prefix={t('customers.sort.label')}
        value={params.sort ?? 'nextFollowUpAt'}
        options={CUSTOMER_SORT_OPTIONS.map((option) => ({
          value: option.value,
          label: t(option.labelKey),
        }))}
        onChange={(value: string) =>
          onChange({ sort: value === 'nextFollowUpAt' ? undefined : value })
        }
        style={size(200)}
      />
    </Flex>
  );
}

export function ClearFilters(props: { onClear: () => void }) {
  const { t } = useTranslation();
  return (
    <Button type="link" onClick={props.onClear} style={{ paddingInline: 0 }}>
      {t('customers.filters.clear')}
    </Button>
  );
}
