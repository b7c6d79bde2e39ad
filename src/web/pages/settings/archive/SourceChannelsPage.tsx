import ArrowDownOutlined from '@ant-design/icons/es/icons/ArrowDownOutlined';
import ArrowUpOutlined from '@ant-design/icons/es/icons/ArrowUpOutlined';
import PlusOutlined from '@ant-design/icons/es/icons/PlusOutlined';
import { App, Button, Card, Flex, Form, Input, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import type { SourceChannel } from '../../../api/types';
import { ErrorState, ListSkeleton } from '../../../components/PageStates';
import { describeError, showServerErrors } from '../../../lib/errors';
import {
  useCreateSourceChannel,
  useReorderSourceChannels,
  useSourceChannels,
  useUpdateSourceChannel,
} from './api';

function ChannelRow(props: {
  channel: SourceChannel;
  first: boolean;
  last: boolean;
  onMove: (offset: -1 | 1) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const update = useUpdateSourceChannel();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(props.channel.name);
  const { channel } = props;

  async function save(changes: { name?: string; active?: boolean }) {
    try {
      await update.mutateAsync({ id: channel.id, version: channel.version, ...changes });
      setRenaming(false);
      message.success(t('sourceChannels.saved'));
    } catch (error) {
      message.error(
        error instanceof ApiError && error.code === 'version_conflict'
          ? t('errors.versionConflict')
          : describeError(t, error),
      );
    }
  }

  return (
    <Flex
      align="center"
      gap={8}
      wrap
      style={{ paddingBlock: 8, borderBottom: '1px solid rgba(5,5,5,0.06)' }}
    >
      <Space.Compact>
        <Button
          size="small"
          icon={<ArrowUpOutlined />}
          disabled={props.first}
          aria-label={t('sourceChannels.moveUp', { name: channel.name })}
          onClick={() => props.onMove(-1)}
        />
        <Button
          size="small"
          icon={<ArrowDownOutlined />}
          disabled={props.last}
          aria-label={t('sourceChannels.moveDown', { name: channel.name })}
          onClick={() => props.onMove(1)}
        />
      </Space.Compact>
      {renaming ? (
        <Space.Compact style={{ flex: '1 1 200px' }}>
          <Input
            autoFocus
            value={name}
            maxLength={100}
            aria-label={t('sourceChannels.name')}
            onChange={(event) => setName(event.target.value)}
            onPressEnter={() => void save({ name })}
            onKeyDown={(event) => {
              if (event.key === 'Escape') setRenaming(false);
            }}
          />
          <Button type="primary" loading={update.isPending} onClick={() => void save({ name })}>
            {t('common.save')}
          </Button>
        </Space.Compact>
      ) : (
        <Space style={{ flex: '1 1 200px' }}>
          <Typography.Text type={channel.active ? undefined : 'secondary'}>
            {channel.name}
          </Typography.Text>
          {!channel.active && <Tag>{t('sourceChannels.inactive')}</Tag>}
        </Space>
      )}
      {!renaming && (
        <Button
          type="link"
          size="small"
          aria-label={t('sourceChannels.renameNamed', { name: channel.name })}
          onClick={() => {
            setName(channel.name);
            setRenaming(true);
          }}
        >
          {t('sourceChannels.rename')}
        </Button>
      )}
      <Switch
        checked={channel.active}
        loading={update.isPending}
        aria-label={t('sourceChannels.activeNamed', { name: channel.name })}
        checkedChildren={t('sourceChannels.active')}
        unCheckedChildren={t('sourceChannels.inactive')}
        onChange={(active) => void save({ active })}
      />
    </Flex>
  );
}

/** 设置 → 来源渠道: the org's source channels, in the order the customer form offers them. */
export default function SourceChannelsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const channels = useSourceChannels(true);
  const create = useCreateSourceChannel();
  const reorder = useReorderSourceChannels();
  const [form] = Form.useForm<{ name: string }>();

  async function add(values: { name: string }) {
    try {
      await create.mutateAsync(values.name.trim());
      form.resetFields();
      message.success(t('sourceChannels.added', { name: values.name.trim() }));
    } catch (error) {
      const said = showServerErrors(t, form, ['name'], error);
      if (said) message.error(said);
    }
  }

  async function move(index: number, offset: -1 | 1) {
    const ids = (channels.data ?? []).map((channel) => channel.id);
    const [moved] = ids.splice(index, 1);
    if (!moved) return;
    ids.splice(index + offset, 0, moved);
    try {
      await reorder.mutateAsync(ids);
    } catch (error) {
      message.error(describeError(t, error));
    }
  }

  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('nav.sourceChannels')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('sourceChannels.intro')}</Typography.Paragraph>
      <Card style={{ maxWidth: 720 }}>
        {channels.isPending ? (
          <ListSkeleton />
        ) : channels.isError ? (
          <ErrorState error={channels.error} onRetry={() => void channels.refetch()} />
        ) : (
          <>
            {channels.data.map((channel, index) => (
              <ChannelRow
                key={channel.id}
                channel={channel}
                first={index === 0}
                last={index === channels.data.length - 1}
                onMove={(offset) => void move(index, offset)}
              />
            ))}
            <Form form={form} layout="inline" onFinish={add} style={{ marginTop: 16 }}>
              <Form.Item
                name="name"
                rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
                style={{ flex: '1 1 200px' }}
              >
                <Input
                  placeholder={t('sourceChannels.newPlaceholder')}
                  aria-label={t('sourceChannels.new')}
                  maxLength={100}
                />
              </Form.Item>
              <Form.Item style={{ marginInlineEnd: 0 }}>
                <Button htmlType="submit" icon={<PlusOutlined />} loading={create.isPending}>
                  {t('sourceChannels.add')}
                </Button>
              </Form.Item>
            </Form>
          </>
        )}
      </Card>
    </>
  );
}
