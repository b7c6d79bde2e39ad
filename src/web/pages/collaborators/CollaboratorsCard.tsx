import ShareAltOutlined from '@ant-design/icons/es/icons/ShareAltOutlined';
import { App, Button, Card, Flex, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../components/CurrentUser';
import { ErrorState, ListSkeleton } from '../../components/PageStates';
import { describeError } from '../../lib/errors';
import { useUsers } from '../settings/api';
import { type CollaboratorAccess, useCollaborators, useShare, useUnshare } from './api';
import { accessLabel, yourAccessLabel } from './labels';

const ACCESS: CollaboratorAccess[] = ['read', 'write'];

/**
 * 协同: colleagues the customer is shared with. The owner (or their manager, an admin) adds
 * and removes them; a collaborator sees the list and their own access.
 */
export function CollaboratorsCard(props: { customerId: string; ownerId: string | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const collaborators = useCollaborators(props.customerId);
  const users = useUsers();
  const share = useShare(props.customerId);
  const unshare = useUnshare(props.customerId);
  const [userId, setUserId] = useState<string>();
  const [access, setAccess] = useState<CollaboratorAccess>('read');
  const canManage = collaborators.data?.myAccess === 'owner' && props.ownerId !== null;

  async function add() {
    if (!userId) return;
    try {
      const added = await share.mutateAsync({ userId, access });
      message.success(t('collaborators.added', { name: added.userName }));
      setUserId(undefined);
    } catch (error) {
      message.error(describeError(t, error));
    }
  }

  async function change(target: string, next: CollaboratorAccess) {
    try {
      await share.mutateAsync({ userId: target, access: next });
    } catch (error) {
      message.error(describeError(t, error));
    }
  }

  async function remove(target: string, name: string) {
    try {
      await unshare.mutateAsync(target);
      message.success(t('collaborators.removed', { name }));
    } catch (error) {
      message.error(describeError(t, error));
    }
  }

  if (collaborators.isPending) {
    return (
      <Card size="small" title={t('collaborators.title')}>
        <ListSkeleton rows={2} />
      </Card>
    );
  }
  if (collaborators.isError) {
    return (
      <Card size="small" title={t('collaborators.title')}>
        <ErrorState error={collaborators.error} onRetry={() => void collaborators.refetch()} />
      </Card>
    );
  }
  const items = collaborators.data.items;
  const taken = new Set([...items.map((item) => item.userId), props.ownerId]);
  const candidates = (users.data ?? []).filter((user) => user.active && !taken.has(user.id));
  const accessOptions = ACCESS.map((value) => ({
    value,
    label: accessLabel(t, value),
  }));

  return (
    <Card size="small" title={t('collaborators.title')}>
      <Flex vertical gap={8}>
        {collaborators.data.myAccess !== 'owner' && (
          <Tag color="purple" style={{ alignSelf: 'flex-start' }}>
            {yourAccessLabel(t, collaborators.data.myAccess)}
          </Tag>
        )}
        {items.length === 0 ? (
          <Typography.Text type="secondary">
            {canManage ? t('collaborators.emptyOwner') : t('collaborators.empty')}
          </Typography.Text>
        ) : (
          items.map((item) => (
            <Flex key={item.id} justify="space-between" align="center" gap={8} wrap>
              <Space size={6}>
                <Typography.Text strong>{item.userName}</Typography.Text>
                {item.userId === me.id && <Tag>{t('collaborators.you')}</Tag>}
              </Space>
              {canManage ? (
                <Space size={4}>
                  <Select
                    size="small"
                    aria-label={t('collaborators.accessOf', { name: item.userName })}
                    value={item.access}
                    options={accessOptions}
                    onChange={(next) => void change(item.userId, next)}
                    style={{ width: 110 }}
                  />
                  <Popconfirm
                    title={t('collaborators.removeConfirm', { name: item.userName })}
                    okText={t('collaborators.remove')}
                    okButtonProps={{ danger: true }}
                    onConfirm={() => remove(item.userId, item.userName)}
                  >
                    <Button size="small" type="link" danger>
                      {t('collaborators.remove')}
                    </Button>
                  </Popconfirm>
                </Space>
              ) : (
                <Tag>{accessLabel(t, item.access)}</Tag>
              )}
            </Flex>
          ))
        )}
        {canManage && (
          <Flex gap={6} wrap style={{ marginTop: 4 }}>
            <Select
              aria-label={t('collaborators.colleague')}
              placeholder={t('collaborators.colleague')}
              showSearch={{ optionFilterProp: 'label' }}
              style={{ flex: 1, minWidth: 140 }}
              value={userId}
              onChange={setUserId}
              loading={users.isPending}
              options={candidates.map((user) => ({ value: user.id, label: user.name }))}
            />
            <Select
              aria-label={t('collaborators.accessLabel')}
              value={access}
              onChange={setAccess}
              options={accessOptions}
              style={{ width: 110 }}
            />
            <Button
              icon={<ShareAltOutlined />}
              disabled={!userId}
              loading={share.isPending}
              onClick={() => void add()}
            >
              {t('collaborators.add')}
            </Button>
          </Flex>
        )}
      </Flex>
    </Card>
  );
}
