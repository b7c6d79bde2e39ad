import { Button, DatePicker, Flex, Input, Select, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState, ListSkeleton } from '../../components/PageStates';
import { type Column, ResponsiveTable } from '../../components/ResponsiveTable';
import { currentLocale } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { useDebounced } from '../../lib/useDebounced';
import { useUsers } from './api';
import { type AuditEntry, type AuditFilters, useAuditLog } from './auditApi';

// The actions and records issue 10 names; other codes show as they are stored.
const ACTIONS = [
  { value: 'create', labelKey: 'audit.actions.create' },
  { value: 'update', labelKey: 'audit.actions.update' },
  { value: 'delete', labelKey: 'audit.actions.delete' },
  { value: 'archive', labelKey: 'audit.actions.archive' },
  { value: 'claim', labelKey: 'audit.actions.claim' },
  { value: 'release', labelKey: 'audit.actions.release' },
  { value: 'lapse', labelKey: 'audit.actions.lapse' },
  { value: 'assign', labelKey: 'audit.actions.assign' },
  { value: 'stage_move', labelKey: 'audit.actions.stageMove' },
  { value: 'stage_override', labelKey: 'audit.actions.stageOverride' },
  { value: 'grade', labelKey: 'audit.actions.grade' },
  { value: 'import_done', labelKey: 'audit.actions.importDone' },
  { value: 'export', labelKey: 'audit.actions.export' },
  { value: 'export_refused', labelKey: 'audit.actions.exportRefused' },
  { value: 'login', labelKey: 'audit.actions.login' },
  { value: 'login_failed', labelKey: 'audit.actions.loginFailed' },
  { value: 'logout', labelKey: 'audit.actions.logout' },
] as const;

const ENTITIES = [
  { value: 'customer', labelKey: 'audit.entities.customer' },
  { value: 'contact', labelKey: 'audit.entities.contact' },
  { value: 'deal', labelKey: 'audit.entities.deal' },
  { value: 'task', labelKey: 'audit.entities.task' },
  { value: 'inquiry', labelKey: 'audit.entities.inquiry' },
  { value: 'import', labelKey: 'audit.entities.import' },
  { value: 'grading_run', labelKey: 'audit.entities.gradingRun' },
  { value: 'user', labelKey: 'audit.entities.user' },
  { value: 'team', labelKey: 'audit.entities.team' },
  { value: 'org', labelKey: 'audit.entities.org' },
] as const;

const LINKS: Record<string, (id: string) => string> = {
  customer: (id) => `/customers/${id}`,
};

const text = (value: unknown) => {
  const shown = value === null || value === undefined ? '—' : JSON.stringify(value);
  return shown.length > 80 ? `${shown.slice(0, 79)}…` : shown;
};

/** The changed fields as "field: before → after", other details as "key: value". */
function changeLines(changes: unknown): string[] {
  if (!changes || typeof changes !== 'object') return [];
  return Object.entries(changes as Record<string, unknown>).map(([field, value]) => {
    if (value && typeof value === 'object' && 'from' in value && 'to' in value) {
      const { from, to } = value as { from: unknown; to: unknown };
      return `${field}: ${text(from)} → ${text(to)}`;
    }
    return `${field}: ${text(value)}`;
  });
}

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
  const actionLabel = (code: string) => {
    const known = ACTIONS.find((a) => a.value === code);
    return known ? t(known.labelKey) : code;
  };
  const entityLabel = (code: string) => {
    const known = ENTITIES.find((e) => e.value === code);
    return known ? t(known.labelKey) : code;
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
          {changeLines(row.changes).map((line) => (
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
