import PlusOutlined from '@ant-design/icons/es/icons/PlusOutlined';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Switch,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  TOPIC_CATEGORIES,
  type TopicCategory,
} from '../../../../server/modules/topics/defaultTopics';
import { ApiError } from '../../../api/client';
import type { Topic } from '../../../api/types';
import { EmptyState, ErrorState, ListSkeleton } from '../../../components/PageStates';
import { topicCategoryLabel } from '../../../lib/archiveLabels';
import { describeError, showServerErrors } from '../../../lib/errors';
import { useCreateTopic, useDeleteTopic, useTopics, useUpdateTopic } from './api';

interface Values {
  category: TopicCategory;
  title: string;
  template: string;
}

function TopicModal(props: { topic?: Topic; category: TopicCategory; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateTopic();
  const update = useUpdateTopic();
  const [base, setBase] = useState(props.topic);
  const [problem, setProblem] = useState<{ type: 'error' | 'warning'; text: string } | null>(null);

  async function onFinish(values: Values) {
    setProblem(null);
    const body = {
      category: values.category,
      title: values.title.trim(),
      template: values.template.trim(),
    };
    try {
      if (base) await update.mutateAsync({ id: base.id, version: base.version, ...body });
      else await create.mutateAsync(body);
      message.success(t('topics.saved', { title: body.title }));
      props.onClose();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'version_conflict') {
        const current = error.problem.current as Topic | undefined;
        if (current) {
          setBase(current);
          form.setFieldsValue(current);
        }
        setProblem({ type: 'warning', text: t('errors.versionConflict') });
        return;
      }
      const said = showServerErrors(t, form, ['category', 'title', 'template'], error);
      if (said) setProblem({ type: 'error', text: said });
    }
  }

  return (
    <Modal
      open
      width={640}
      title={props.topic ? t('topics.edit') : t('topics.create')}
      okText={props.topic ? t('common.save') : t('common.create')}
      okButtonProps={{ htmlType: 'submit', loading: create.isPending || update.isPending }}
      onCancel={props.onClose}
      destroyOnHidden
      modalRender={(dom) => (
        <Form<Values>
          form={form}
          name="topic"
          layout="vertical"
          initialValues={props.topic ?? { category: props.category }}
          onFinish={onFinish}
        >
          {dom}
        </Form>
      )}
    >
      {problem && (
        <Alert type={problem.type} showIcon title={problem.text} style={{ marginBottom: 16 }} />
      )}
      <Form.Item name="category" label={t('topics.category')}>
        <Select
          options={TOPIC_CATEGORIES.map((category) => ({
            value: category,
            label: topicCategoryLabel(t, category),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('topics.titleLabel')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
      >
        <Input autoFocus maxLength={100} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="template"
        label={t('topics.template')}
        extra={t('topics.templateHint')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
      >
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={5000} />
      </Form.Item>
    </Modal>
  );
}

function TopicRow(props: { topic: Topic; onEdit: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const update = useUpdateTopic();
  const remove = useDeleteTopic();
  const { topic } = props;

  async function run(action: () => Promise<unknown>, done: string) {
    try {
      await action();
      message.success(done);
    } catch (error) {
      message.error(describeError(t, error));
    }
  }

  return (
    <Flex vertical gap={4} style={{ paddingBlock: 10, borderBottom: '1px solid rgba(5,5,5,0.06)' }}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Flex gap={8} align="center">
          <Typography.Text strong type={topic.active ? undefined : 'secondary'}>
            {topic.title}
          </Typography.Text>
          {!topic.active && <Tag>{t('topics.inactive')}</Tag>}
        </Flex>
        <Flex gap={4} align="center">
          <Switch
            size="small"
            checked={topic.active}
            aria-label={t('topics.activeNamed', { title: topic.title })}
            onChange={(active) =>
              void run(
                () => update.mutateAsync({ id: topic.id, version: topic.version, active }),
                t('topics.saved', { title: topic.title }),
              )
            }
          />
          <Button type="link" size="small" onClick={props.onEdit}>
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={t('topics.deleteConfirm', { title: topic.title })}
            okText={t('common.delete')}
            okButtonProps={{ danger: true }}
            onConfirm={() =>
              run(() => remove.mutateAsync(topic.id), t('topics.deleted', { title: topic.title }))
            }
          >
            <Button type="link" size="small" danger>
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Flex>
      </Flex>
      <Typography.Paragraph
        type="secondary"
        style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}
        ellipsis={{ rows: 2, expandable: 'collapsible' }}
      >
        {topic.template}
      </Typography.Paragraph>
    </Flex>
  );
}

/** 设置 → 跟进话题: a reason for every follow-up, with a message to start from. */
export default function TopicsPage() {
  const { t } = useTranslation();
  const topics = useTopics(true);
  const [category, setCategory] = useState<TopicCategory>('price_change');
  const [editing, setEditing] = useState<{ topic?: Topic } | null>(null);

  const addButton = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
      {t('topics.create')}
    </Button>
  );

  return (
    <>
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('nav.topics')}
        </Typography.Title>
        {addButton}
      </Flex>
      <Typography.Paragraph type="secondary">{t('topics.intro')}</Typography.Paragraph>
      <Card styles={{ body: { paddingTop: 4 } }}>
        {topics.isPending ? (
          <ListSkeleton />
        ) : topics.isError ? (
          <ErrorState error={topics.error} onRetry={() => void topics.refetch()} />
        ) : (
          <Tabs
            activeKey={category}
            onChange={(key) => setCategory(key as TopicCategory)}
            items={TOPIC_CATEGORIES.map((key) => {
              const inCategory = topics.data.filter((topic) => topic.category === key);
              return {
                key,
                label: `${topicCategoryLabel(t, key)} (${inCategory.length})`,
                children:
                  inCategory.length === 0 ? (
                    <EmptyState description={t('topics.empty')} action={addButton} />
                  ) : (
                    inCategory.map((topic) => (
                      <TopicRow key={topic.id} topic={topic} onEdit={() => setEditing({ topic })} />
                    ))
                  ),
              };
            })}
          />
        )}
      </Card>
      {editing && (
        <TopicModal topic={editing.topic} category={category} onClose={() => setEditing(null)} />
      )}
    </>
  );
}
