import DeleteOutlined from '@ant-design/icons/es/icons/DeleteOutlined';
import PlusOutlined from '@ant-design/icons/es/icons/PlusOutlined';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Skeleton,
  Space,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateFunnelBody, Funnel } from '../../api/types';
import { ErrorState } from '../../components/PageStates';
import { describeError } from '../../lib/errors';
import { useCreateFunnel, useFunnelTemplates } from './api';
import { StageChain } from './StageChain';
import { TemplateStages } from './TemplateStages';

const BLANK = 'blank';

interface Values {
  source: string;
  name?: string;
  stages?: { name: string; probability: number }[];
}

/** 新建漏斗: one of the seed templates, shown with the stages it brings, or an empty funnel. */
export function CreateFunnelModal(props: {
  onClose: () => void;
  onCreated: (funnel: Funnel) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const templates = useFunnelTemplates();
  const create = useCreateFunnel();
  const [problem, setProblem] = useState<string | null>(null);
  const source = Form.useWatch('source', form) ?? 'seven-stage';
  const chosen = templates.data?.find((template) => template.key === source);

  async function onFinish(values: Values) {
    setProblem(null);
    try {
      const name = values.name?.trim();
      const funnel =
        values.source === BLANK
          ? await create.mutateAsync({
              name: name ?? '',
              stages: (values.stages ?? []).map((stage) => ({
                name: stage.name.trim(),
                probability: stage.probability,
              })),
            })
          : await create.mutateAsync({
              template: values.source as NonNullable<CreateFunnelBody['template']>,
              ...(name ? { name } : {}),
            });
      message.success(t('funnels.created', { name: funnel.name }));
      props.onClose();
      props.onCreated(funnel);
    } catch (error) {
      setProblem(describeError(t, error));
    }
  }

  return (
    <Modal
      open
      width={880}
      title={t('funnels.create')}
      okText={t('common.create')}
      okButtonProps={{ htmlType: 'submit', loading: create.isPending }}
      onCancel={props.onClose}
      destroyOnHidden
      modalRender={(dom) => (
        <Form<Values>
          form={form}
          name="create-funnel"
          layout="vertical"
          initialValues={{
            source: 'seven-stage',
            stages: [
              { name: '', probability: 10 },
              { name: '', probability: 50 },
            ],
          }}
          onFinish={onFinish}
        >
          {dom}
        </Form>
      )}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      {templates.isPending ? (
        <Skeleton active />
      ) : templates.isError ? (
        <ErrorState error={templates.error} onRetry={() => void templates.refetch()} />
      ) : (
        <Form.Item name="source" label={t('funnels.startFrom')}>
          <Radio.Group style={{ width: '100%' }}>
            <Flex vertical gap={8}>
              {templates.data.map((template) => (
                <Card key={template.key} size="small">
                  <Radio value={template.key}>
                    <Typography.Text strong>{template.name}</Typography.Text>
                  </Radio>
                  <Typography.Paragraph
                    type="secondary"
                    ellipsis={{ rows: 2, tooltip: template.description }}
                    style={{ margin: '4px 0 8px 24px' }}
                  >
                    {template.description}
                  </Typography.Paragraph>
                  <div style={{ marginInlineStart: 24 }}>
                    <StageChain stages={template.stages} showProbability />
                  </div>
                </Card>
              ))}
              <Card size="small">
                <Radio value={BLANK}>
                  <Typography.Text strong>{t('funnels.blank')}</Typography.Text>
                </Radio>
                <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0 24px' }}>
                  {t('funnels.blankHint')}
                </Typography.Paragraph>
              </Card>
            </Flex>
          </Radio.Group>
        </Form.Item>
      )}
      <Form.Item
        name="name"
        label={t('funnels.name')}
        rules={[
          { required: source === BLANK, whitespace: true, message: t('validation.required') },
          { max: 100, message: t('validation.maxLength', { max: 100 }) },
        ]}
        extra={source === BLANK ? undefined : t('funnels.nameFromTemplate')}
      >
        <Input autoComplete="off" placeholder={chosen?.name} />
      </Form.Item>
      {source === BLANK ? <BlankStages /> : chosen && <TemplateStages template={chosen} />}
    </Modal>
  );
}

/** The stages of a funnel built from scratch: names and win probabilities; details come later. */
function BlankStages() {
  const { t } = useTranslation();
  return (
    <Form.List name="stages">
      {(fields, { add, remove }) => (
        <Flex vertical gap={8}>
          <Typography.Text strong>{t('funnels.stages')}</Typography.Text>
          {fields.map((field, index) => (
            <Space key={field.key} align="start" wrap>
              <Form.Item
                name={[field.name, 'name']}
                rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
                style={{ marginBottom: 0 }}
              >
                <Input
                  aria-label={t('funnels.stageNameN', { n: index + 1 })}
                  placeholder={t('funnels.stageNameN', { n: index + 1 })}
                  style={{ width: 240 }}
                />
              </Form.Item>
              <Form.Item
                name={[field.name, 'probability']}
                rules={[{ required: true, message: t('validation.required') }]}
                style={{ marginBottom: 0 }}
              >
                <InputNumber
                  aria-label={t('funnels.probabilityN', { n: index + 1 })}
                  min={0}
                  max={100}
                  precision={0}
                  suffix="%"
                  style={{ width: 110 }}
                />
              </Form.Item>
              <Button
                type="text"
                icon={<DeleteOutlined />}
                disabled={fields.length <= 1}
                aria-label={t('funnels.removeStageN', { n: index + 1 })}
                onClick={() => remove(field.name)}
              />
            </Space>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ name: '', probability: 10 })}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('funnels.addStage')}
          </Button>
          <Typography.Text type="secondary">{t('funnels.blankWonLost')}</Typography.Text>
        </Flex>
      )}
    </Form.List>
  );
}
