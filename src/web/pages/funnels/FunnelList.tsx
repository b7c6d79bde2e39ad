import PlusOutlined from '@ant-design/icons/es/icons/PlusOutlined';
import { Button, Card, Flex, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Funnel } from '../../api/types';
import { EmptyState, ErrorState, ListSkeleton } from '../../components/PageStates';
import { type Column, ResponsiveTable } from '../../components/ResponsiveTable';
import { currentLocale } from '../../i18n';
import { formatDateTime, formatRelative } from '../../lib/format';
import { useFunnels } from './api';
import { CreateFunnelModal } from './CreateFunnelModal';
import { LostReasonsCard } from './LostReasonsCard';
import { purposeLabel } from './labels';
import { StageChain } from './StageChain';

export function FunnelList() {
  const { t } = useTranslation();
  const funnels = useFunnels();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const locale = currentLocale();

  const createButton = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
      {t('funnels.create')}
    </Button>
  );

  let body: React.ReactNode;
  if (funnels.isPending) body = <ListSkeleton />;
  else if (funnels.isError)
    body = <ErrorState error={funnels.error} onRetry={() => void funnels.refetch()} />;
  else {
    const columns: Column<Funnel>[] = [
      {
        key: 'name',
        title: t('funnels.name'),
        dataIndex: 'name',
        render: (_, funnel) => <Link to={funnel.id}>{funnel.name}</Link>,
      },
      {
        key: 'purpose',
        title: t('funnels.purposeTitle'),
        dataIndex: 'purpose',
        render: (_, funnel) => (
          <Tag color={funnel.purpose === 'deals' ? 'blue' : 'purple'}>
            {purposeLabel(t, funnel.purpose)}
          </Tag>
        ),
      },
      {
        key: 'stages',
        title: t('funnels.stages'),
        dataIndex: 'stages',
        render: (_, funnel) => <StageChain stages={funnel.stages} />,
      },
      {
        key: 'updatedAt',
        title: t('funnels.updatedAt'),
        dataIndex: 'updatedAt',
        render: (_, funnel) => (
          <Tooltip title={formatDateTime(funnel.updatedAt, locale)}>
            {formatRelative(funnel.updatedAt, locale)}
          </Tooltip>
        ),
      },
    ];
    body = (
      <ResponsiveTable<Funnel>
        rowKey="id"
        columns={columns}
        dataSource={funnels.data}
        emptyText={<EmptyState description={t('funnels.empty')} action={createButton} />}
        actionsTitle={t('common.actions')}
        actions={(funnel) => (
          <Button
            type="link"
            size="small"
            aria-label={t('funnels.editNamed', { name: funnel.name })}
            onClick={() => navigate(funnel.id)}
          >
            {t('funnels.editStages')}
          </Button>
        )}
      />
    );
  }

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('nav.funnels')}
        </Typography.Title>
        {funnels.data && funnels.data.length > 0 && createButton}
      </Flex>
      <Typography.Paragraph type="secondary">{t('funnels.intro')}</Typography.Paragraph>
      <Card>{body}</Card>
      <LostReasonsCard />
      {creating && (
        <CreateFunnelModal
          onClose={() => setCreating(false)}
          onCreated={(funnel) => navigate(funnel.id)}
        />
      )}
    </>
  );
}
