import PlusOutlined from '@ant-design/icons/es/icons/PlusOutlined';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Input, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { LostReason, Page } from '../../api/types';
import { ErrorState, ListSkeleton } from '../../components/PageStates';
import { describeError } from '../../lib/errors';

const key = ['lost-reasons'] as const;

/** 丢单原因: the list a lost deal's reason is picked from; admins rename, add and retire them. */
export function LostReasonsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ name: string }>();
  const reasons = useQuery({
    queryKey: [...key, 'all'],
    queryFn: async () =>
      (await api.get<Page<LostReason>>('/settings/lost-reasons?includeInactive=true')).items,
  });
  const onError = (error: unknown) => {
    message.error(describeError(t, error));
    return queryClient.invalidateQueries({ queryKey: key });
  };
  const create = useMutation({
    mutationFn: (name: string) => api.post<LostReason>('/settings/lost-reasons', { name }),
    onSuccess: () => {
      form.resetFields();
      return queryClient.invalidateQueries({ queryKey: key });
    },
    onError,
  });
  const update = useMutation({
    mutationFn: ({ reason, ...body }: { reason: LostReason; name?: string; active?: boolean }) =>
      api.patch<LostReason>(`/settings/lost-reasons/${reason.id}`, {
        version: reason.version,
        ...body,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
    onError,
  });

  return (
    <Card title={t('funnels.lostReasons.title')} style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">{t('funnels.lostReasons.hint')}</Typography.Paragraph>
      {reasons.isPending ? (
        <ListSkeleton rows={3} />
      ) : reasons.isError ? (
        <ErrorState error={reasons.error} onRetry={() => void reasons.refetch()} />
      ) : (
        <Flex vertical gap={8} style={{ maxWidth: 560 }}>
          {reasons.data.map((reason) => (
            <Flex key={reason.id} justify="space-between" align="center" gap={12}>
              <Typography.Text
                type={reason.active ? undefined : 'secondary'}
                editable={{
                  triggerType: ['icon', 'text'],
                  text: reason.name,
                  onChange: (name) => {
                    if (name.trim() && name.trim() !== reason.name)
                      update.mutate({ reason, name: name.trim() });
                  },
                }}
              >
                {reason.name}
              </Typography.Text>
              <Switch
                size="small"
                checked={reason.active}
                aria-label={t('funnels.lostReasons.activeNamed', { name: reason.name })}
                checkedChildren={t('funnels.lostReasons.active')}
                unCheckedChildren={t('funnels.lostReasons.inactive')}
                onChange={(active) => update.mutate({ reason, active })}
              />
            </Flex>
          ))}
          <Form
            form={form}
            layout="inline"
            onFinish={({ name }) => create.mutate(name.trim())}
            style={{ marginTop: 8 }}
          >
            <Form.Item
              name="name"
              rules={[
                { required: true, whitespace: true, message: t('validation.required') },
                { max: 200 },
              ]}
              style={{ flex: 1, marginInlineEnd: 8 }}
            >
              <Input
                aria-label={t('funnels.lostReasons.new')}
                placeholder={t('funnels.lostReasons.new')}
              />
            </Form.Item>
            <Button htmlType="submit" icon={<PlusOutlined />} loading={create.isPending}>
              {t('funnels.lostReasons.add')}
            </Button>
          </Form>
        </Flex>
      )}
    </Card>
  );
}
