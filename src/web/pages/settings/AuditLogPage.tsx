import { Button, DatePicker, Flex, Input, Select, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from '../../../domain/audit/auditVocabulary';
import { ErrorState, ListSkeleton } from '../../components/PageStates';
import { type Column, ResponsiveTable } from '../../components/ResponsiveTable';
import { currentLocale } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { useDebounced } from '../../lib/useDebounced';
import { useUsers } from './api';
import { type AuditEntry, type AuditFilters, useAuditLog } from './auditApi';
import { changeLines } from './auditChanges';
import { ACTION_LABELS, actionLabelKey, ENTITY_LABELS, entityLabelKey } from './auditLabels';

const ACTIONS = AUDIT_ACTIONS.map((value) => ({ value, labelKey: ACTION_LABELS[value].labelKey }));
const ENTITIES = AUDIT_ENTITIES.map((value) => ({
  value,
  labelKey: ENTITY_LABELS[value].labelKey,
}));

const LINKS: Record<string, (id: string) => string> = {
  customer: (id) => `/customers/${id}`,
};

/** 操作日志: who did what, when and from where, searchable by person, record, action and time. */
export default function AuditLogPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const users = useUsers();
  const [filters, setFilters] = useState<Omit<AuditFilters, 'entityId'>>({});
  const [entityId, setEntityId] = useState('');
  const debouncedId = useDebounced(entityId.trim(), 300);
  const log = useAuditLog({ ...filters, entityId: debouncedId || undefined });
  const rows = log.data?.pages.flatMap((page) => page.items) ?? [];
  const set = (patch: Partial<AuditFilters>) => setFilters((now) => ({ ...now, ...patch }));
  // A code this build has no label for (a newer server's) shows as stored.
  const actionLabel = (code: string) => {
    const labelKey = actionLabelKey(code);
    return labelKey ? t(labelKey) : code;
  };
  const entityLabel = (code: string) => {
    const labelKey = entityLabelKey(code);
    return labelKey ? t(labelKey) : code;
  };
  const userNames = new Map((users.data ?? []).map((user) => [user.id, user.name]));
  const changeText = {
    t: (labelKey: string) => t(labelKey),
    userName: (id: string) => userNames.get(id),
    dateTime: (iso: string) => formatDateTime(iso, locale),
  };

  const columns: Column<AuditEntry>[] = [
    { key: 'at', title: t('audit.at'), render: (_v, row) => formatDateTime(row.at, locale) },
    {
      key: 'who',
      title: t('audit.user'),
      render: (_v, row) => row.userName ?? t('audit.system'),
    },
    {
      key: 'action',
      title: t('audit.action'),
      render: (_v, row) => (
        <Tag color={row.action === 'login_failed' ? 'red' : 'default'}>
          {actionLabel(row.action)}
        </Tag>
      ),
    },
    {
      key: 'record',
      title: t('audit.record'),
      render: (_v, row) => {
        const link = row.entityId ? LINKS[row.entity]?.(row.entityId) : undefined;
        const label = entityLabel(row.entity);
        return link ? <Link to={link}>{label}</Link> : label;
      },
    },
    {
      key: 'changes',
      title: t('audit.changes'),
      render: (_v, row) => (
        <Flex vertical>
          {changeLines(row.changes, row.entity, changeText).map((line) => (
            <Typography.Text key={line} style={{ fontSize: 12 }}>
              {line}
            </Typography.Text>
          ))}
        </Flex>
      ),
    },
    { key: 'ip', title: t('audit.ip'), render: (_v, row) => row.ip ?? '—' },
  ];

  const onRange = (range: [Dayjs | null, Dayjs | null] | null) =>
    set({
      from: range?.[0]?.startOf('day').toISOString(),
      to: range?.[1]?.add(1, 'day').startOf('day').toISOString(),
    });

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('nav.auditLog')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('audit.hint')}</Typography.Text>
      <Flex gap={8} wrap>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          aria-label={t('audit.user')}
          placeholder={t('audit.user')}
          style={{ minWidth: 160 }}
          value={filters.userId}
          onChange={(userId) => set({ userId })}
          options={(users.data ?? []).map((user) => ({ value: user.id, label: user.name }))}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          aria-label={t('audit.action')}
          placeholder={t('audit.action')}
          style={{ minWidth: 160 }}
          value={filters.action}
          onChange={(action) => set({ action })}
          options={ACTIONS.map((a) => ({ value: a.value, label: t(a.labelKey) }))}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          aria-label={t('audit.entity')}
          placeholder={t('audit.entity')}
          style={{ minWidth: 140 }}
          value={filters.entity}
          onChange={(entity) => set({ entity })}
          options={ENTITIES.map((e) => ({ value: e.value, label: t(e.labelKey) }))}
        />
        <Input
          allowClear
          aria-label={t('audit.entityId')}
          placeholder={t('audit.entityId')}
          style={{ width: 300 }}
          value={entityId}
          onChange={(event) => setEntityId(event.target.value)}
        />
        <DatePicker.RangePicker aria-label={t('audit.period')} onChange={onRange} />
      </Flex>
      {log.isPending ? (
        <ListSkeleton />
      ) : log.isError ? (
        <ErrorState error={log.error} onRetry={() => void log.refetch()} />
      ) : (
        <>
          <ResponsiveTable<AuditEntry>
            rowKey="id"
            columns={columns}
            dataSource={rows}
            paginate={false}
            emptyText={t('audit.noMatch')}
          />
          {log.hasNextPage && (
            <Button loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
              {t('common.loadMore')}
            </Button>
          )}
        </>
      )}
    </Flex>
  );
}
