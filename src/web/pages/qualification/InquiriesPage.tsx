import PlusOutlined from '@ant-design/icons/es/icons/PlusOutlined';
import { Button, Card, Flex, Select, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { EmptyState, ErrorState, ListSkeleton } from '../../components/PageStates';
import { type Column, ResponsiveTable } from '../../components/ResponsiveTable';
import { currentLocale } from '../../i18n';
import { formatDateTime, formatRelative } from '../../lib/format';
import { INQUIRY_CLASS_COLORS, type InquiryClass, type InquiryListItem, useInquiries } from './api';
import { InquiryDrawer } from './InquiryDrawer';
import { ResponseTime } from './InquiryLabels';
import { classLabel, statusLabel } from './labels';
import { NewInquiryModal } from './NewInquiryModal';

const CLASSES: InquiryClass[] = ['precise', 'broad', 'scam'];
const STATUSES = ['new', 'replied', 'converted', 'archived'] as const;

/** 询盘: the inbox, each inquiry classed (行骗类/宽泛类/精准类) with its confidence. */
export default function InquiriesPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const filters = {
    class: params.get('class') ?? undefined,
    status: params.get('status') ?? undefined,
  };
  const list = useInquiries(filters);
  const openId = params.get('id');

  const set = (key: string, value: string | undefined) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: key !== 'id' },
    );

  const columns: Column<InquiryListItem>[] = [
    {
      key: 'subject',
      title: t('inquiries.fields.subject'),
      dataIndex: 'subject',
      render: (_, inquiry) => (
        <Flex vertical style={{ minWidth: 0 }}>
          <Typography.Text strong ellipsis>
            {inquiry.subject ?? inquiry.company ?? t('inquiries.untitled')}
          </Typography.Text>
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: 420 }}>
            {inquiry.excerpt}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'class',
      title: t('inquiries.fields.class'),
      dataIndex: 'classification',
      render: (_, inquiry) => (
        <Flex gap={4} align="center" wrap>
          <Tag color={INQUIRY_CLASS_COLORS[inquiry.classification]} style={{ marginInlineEnd: 0 }}>
            {classLabel(t, inquiry.classification)}
          </Tag>
          <Typography.Text type="secondary">
            {Math.round(inquiry.confidence * 100)}%
          </Typography.Text>
          {inquiry.corrected && <Tag>{t('inquiries.correctedTag')}</Tag>}
        </Flex>
      ),
    },
    {
      key: 'sender',
      title: t('inquiries.fields.sender'),
      dataIndex: 'senderName',
      render: (_, inquiry) =>
        [inquiry.senderName ?? inquiry.senderEmail, inquiry.company, inquiry.country]
          .filter(Boolean)
          .join(' · ') || '—',
    },
    {
      key: 'receivedAt',
      title: t('inquiries.fields.receivedAt'),
      dataIndex: 'receivedAt',
      render: (_, inquiry) => (
        <Tooltip title={formatDateTime(inquiry.receivedAt, locale)}>
          {formatRelative(inquiry.receivedAt, locale)}
        </Tooltip>
      ),
    },
    {
      key: 'firstResponse',
      title: t('inquiries.firstResponse'),
      dataIndex: 'firstResponseMinutes',
      render: (_, inquiry) => <ResponseTime inquiry={inquiry} />,
    },
    {
      key: 'status',
      title: t('inquiries.fields.status'),
      dataIndex: 'status',
      render: (_, inquiry) => statusLabel(t, inquiry.status),
    },
  ];

  const createButton = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
      {t('inquiries.new')}
    </Button>
  );
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('nav.inquiries')}
        </Typography.Title>
        {createButton}
      </Flex>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={8} wrap>
          <Select
            aria-label={t('inquiries.fields.class')}
            placeholder={t('inquiries.fields.class')}
            allowClear
            value={filters.class}
            options={CLASSES.map((value) => ({ value, label: classLabel(t, value) }))}
            onChange={(value?: string) => set('class', value)}
            style={{ width: 160 }}
          />
          <Select
            aria-label={t('inquiries.fields.status')}
            placeholder={t('inquiries.fields.status')}
            allowClear
            value={filters.status}
            options={STATUSES.map((value) => ({ value, label: statusLabel(t, value) }))}
            onChange={(value?: string) => set('status', value)}
            style={{ width: 160 }}
          />
        </Flex>
      </Card>
      {list.isPending ? (
        <ListSkeleton rows={8} />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <ResponsiveTable<InquiryListItem>
            rowKey="id"
            columns={columns}
            dataSource={rows}
            paginate={false}
            onRowClick={(inquiry) => set('id', inquiry.id)}
            emptyText={<EmptyState description={t('inquiries.empty')} action={createButton} />}
          />
          {list.hasNextPage && (
            <Flex justify="center" style={{ marginTop: 16 }}>
              <Button loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                {t('common.loadMore')}
              </Button>
            </Flex>
          )}
        </>
      )}
      {creating && (
        <NewInquiryModal
          onClose={(created) => {
            setCreating(false);
            if (created) set('id', created.id);
          }}
        />
      )}
      {openId && <InquiryDrawer id={openId} onClose={() => set('id', undefined)} />}
    </>
  );
}
