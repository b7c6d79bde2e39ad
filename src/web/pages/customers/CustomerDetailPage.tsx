import EditOutlined from '@ant-design/icons/es/icons/EditOutlined';
import InboxOutlined from '@ant-design/icons/es/icons/InboxOutlined';
import MessageOutlined from '@ant-design/icons/es/icons/MessageOutlined';
import UndoOutlined from '@ant-design/icons/es/icons/UndoOutlined';
import {
  App,
  Breadcrumb,
  Button,
  Col,
  Flex,
  Grid,
  Popconfirm,
  Result,
  Row,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { ErrorState, ListSkeleton } from '../../components/PageStates';
import { describeError } from '../../lib/errors';
import { useCollaborators } from '../collaborators/api';
import { CollaboratorsCard } from '../collaborators/CollaboratorsCard';
import { QualificationCard } from '../qualification/QualificationCard';
import { SignalSuggestionAlert } from '../workData/SignalSuggestionAlert';
import { ActivityFormModal } from './ActivityFormModal';
import { useCustomer, useUpdateCustomer } from './api';
import { ContactsCard } from './ContactsCard';
import { CustomerFormModal } from './CustomerFormModal';
import { CustomerInfoCard } from './CustomerInfoCard';
import { DecisionChainCard } from './DecisionChainCard';
import { LifecycleCard } from './LifecycleCard';
import { PurchasesCard } from './PurchasesCard';
import { TimelineCard } from './TimelineCard';

/** One customer: the archive, its contacts and decision chain, and one timeline of follow-ups. */
export default function CustomerDetailPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const id = useParams().id ?? '';
  const customer = useCustomer(id);
  const collaborators = useCollaborators(id);
  const update = useUpdateCustomer();
  const [editing, setEditing] = useState(false);
  const [logging, setLogging] = useState(false);
  const wide = Grid.useBreakpoint().xl === true;

  if (customer.isPending) return <ListSkeleton rows={10} />;
  if (customer.isError) {
    if (customer.error instanceof ApiError && customer.error.status === 404) {
      return (
        <Result
          status="404"
          title={t('customers.notFound')}
          extra={
            <Link to="/customers">
              <Button type="primary">{t('customers.backToList')}</Button>
            </Link>
          }
        />
      );
    }
    return <ErrorState error={customer.error} onRetry={() => void customer.refetch()} />;
  }
  const data = customer.data;
  // A read-only collaborator (协同) sees everything and changes nothing; only holders archive.
  const access = collaborators.data?.myAccess;
  const canEdit = access === 'owner' || access === 'write';
  const canArchive = access === 'owner';

  async function setArchived(archived: boolean) {
    try {
      await update.mutateAsync({ id: data.id, version: data.version, archived });
      message.success(
        archived
          ? t('customers.archivedDone', { name: data.name })
          : t('customers.restored', { name: data.name }),
      );
    } catch (error) {
      if (error instanceof ApiError && error.code === 'version_conflict') void customer.refetch();
      message.error(describeError(t, error));
    }
  }

  const info = <CustomerInfoCard customer={data} />;
  const timeline = (
    <TimelineCard
      customerId={data.id}
      onLog={data.archived || !canEdit ? undefined : () => setLogging(true)}
    />
  );
  const chain = <DecisionChainCard customerId={data.id} />;
  const contacts = <ContactsCard customerId={data.id} editable={!data.archived && canEdit} />;
  const sharing = <CollaboratorsCard customerId={data.id} ownerId={data.ownerId} />;

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/customers">{t('nav.customers')}</Link> }, { title: data.name }]}
      />
      <Flex justify="space-between" align="flex-start" gap={12} wrap style={{ marginBottom: 16 }}>
        <Space size={8} wrap align="center">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {data.name}
          </Typography.Title>
          {data.grade && <Tag color="gold">{data.grade}</Tag>}
          {data.inPool && <Tag color="cyan">{t('customers.pool')}</Tag>}
          {data.archived && <Tag>{t('customers.status.archived')}</Tag>}
        </Space>
        <Space wrap>
          {!data.archived && canEdit && (
            <Button type="primary" icon={<MessageOutlined />} onClick={() => setLogging(true)}>
              {t('activities.log')}
            </Button>
          )}
          {canEdit && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
          )}
          {!canArchive ? null : data.archived ? (
            <Button
              icon={<UndoOutlined />}
              loading={update.isPending}
              onClick={() => void setArchived(false)}
            >
              {t('customers.restore')}
            </Button>
          ) : (
            <Popconfirm
              title={t('customers.archiveConfirm', { name: data.name })}
              description={t('customers.archiveHint')}
              okText={t('customers.archive')}
              okButtonProps={{ danger: true }}
              onConfirm={() => setArchived(true)}
            >
              <Button danger icon={<InboxOutlined />} loading={update.isPending}>
                {t('customers.archive')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      </Flex>
      <SignalSuggestionAlert customerId={data.id} />
      {wide ? (
        <Row gutter={16}>
          <Col span={15}>
            <Flex vertical gap={16}>
              {info}
              <LifecycleCard customer={data} />
              {timeline}
            </Flex>
          </Col>
          <Col span={9}>
            <Flex vertical gap={16}>
              <QualificationCard customerId={data.id} />
              <PurchasesCard customerId={data.id} />
              {chain}
              {contacts}
              {sharing}
            </Flex>
          </Col>
        </Row>
      ) : (
        // One column: who to talk to comes before the history.
        <Flex vertical gap={12}>
          {info}
          <LifecycleCard customer={data} />
          <QualificationCard customerId={data.id} />
          {chain}
          {contacts}
          {sharing}
          <PurchasesCard customerId={data.id} />
          {timeline}
        </Flex>
      )}
      {editing && (
        <CustomerFormModal mode="edit" customer={data} onClose={() => setEditing(false)} />
      )}
      {logging && <ActivityFormModal customer={data} onClose={() => setLogging(false)} />}
    </>
  );
}
