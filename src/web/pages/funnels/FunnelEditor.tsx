import ArrowDownOutlined from '@ant-design/icons/es/icons/ArrowDownOutlined';
import ArrowLeftOutlined from '@ant-design/icons/es/icons/ArrowLeftOutlined';
import ArrowUpOutlined from '@ant-design/icons/es/icons/ArrowUpOutlined';
import DeleteOutlined from '@ant-design/icons/es/icons/DeleteOutlined';
import PlusOutlined from '@ant-design/icons/es/icons/PlusOutlined';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Collapse,
  Flex,
  Form,
  Input,
  Popconfirm,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import type { Funnel } from '../../api/types';
import { ErrorState, ListSkeleton } from '../../components/PageStates';
import { currentLocale } from '../../i18n';
import { describeError } from '../../lib/errors';
import { stageColor } from '../../lib/stageColors';
import { useFunnel, useUpdateFunnel } from './api';
import { purposeLabel } from './labels';
import { StageFields } from './StageFields';
import {
  blankStage,
  type FunnelValues,
  formPathOf,
  funnelValues,
  type StageValues,
  stageInput,
} from './stageForm';

/** /settings/funnels/:id — loads the funnel, then edits it (again from scratch in each language). */
export function FunnelEditor() {
  const { id = '' } = useParams();
  const funnel = useFunnel(id);
  if (funnel.isPending) return <ListSkeleton rows={10} />;
  if (funnel.isError)
    return <ErrorState error={funnel.error} onRetry={() => void funnel.refetch()} />;
  return <EditorForm key={`${funnel.data.id}:${currentLocale()}`} initial={funnel.data} />;
}

type Problem = { type: 'error' | 'warning'; text: string } | null;

function EditorForm({ initial }: { initial: Funnel }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FunnelValues>();
  const update = useUpdateFunnel();
  const [base, setBase] = useState(initial);
  const [problem, setProblem] = useState<Problem>(null);
  const [open, setOpen] = useState<string[]>([]);
  // Only the stages' kinds, so typing in one field does not re-render every stage.
  const kinds = (
    Form.useWatch(
      (values: FunnelValues) =>
        (values.stages ?? []).map((stage) => stage?.terminal ?? 'open').join('|'),
      { form, preserve: true },
    ) ?? initial.stages.map((stage) => stage.terminal ?? 'open').join('|')
  ).split('|') as ('open' | 'won' | 'lost')[];

  /** Back to what the server holds (after a save, a conflict): new stages now carry their keys. */
  function reset(funnel: Funnel) {
    setBase(funnel);
    form.setFieldsValue(funnelValues(funnel));
  }

  function openStage(index: number) {
    setOpen((keys) => (keys.includes(String(index)) ? keys : [...keys, String(index)]));
  }

  function onFinishFailed({ errorFields }: { errorFields: { name: (string | number)[] }[] }) {
    for (const field of errorFields)
      if (typeof field.name[1] === 'number') openStage(field.name[1]);
    setProblem({ type: 'error', text: t('funnels.fixErrors') });
  }

  async function save() {
    setProblem(null);
    const values = form.getFieldsValue(true) as FunnelValues;
    try {
      const saved = await update.mutateAsync({
        id: base.id,
        version: base.version,
        name: values.name.trim(),
        stages: values.stages.map(stageInput),
      });
      reset(saved);
      message.success(t('funnels.saved', { name: saved.name }));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'version_conflict') {
        const current = error.problem.current as Funnel | undefined;
        if (current) reset(current);
        setProblem({ type: 'warning', text: t('errors.versionConflict') });
        return;
      }
      setProblem({ type: 'error', text: serverProblem(error) });
    }
  }

  /** Field errors go on their fields (opening the stage); the rest is said above the form. */
  function serverProblem(error: unknown): string {
    if (!(error instanceof ApiError) || error.code !== 'validation_failed')
      return describeError(t, error);
    const raw = (error.problem.errors ?? []) as {
      field: string;
      message: string;
      stageKey?: string;
      count?: number;
    }[];
    const lines: string[] = [];
    for (const item of raw) {
      if (item.stageKey && item.count !== undefined) {
        const name =
          base.stages.find((stage) => stage.key === item.stageKey)?.name ?? item.stageKey;
        lines.push(t('funnels.stageOccupied', { name, count: item.count }));
        continue;
      }
      const path = formPathOf(item.field);
      if (path[0] === 'stages' && typeof path[1] === 'number' && path.length > 2) {
        form.setFields([{ name: path as never, errors: [item.message] }]);
        openStage(path[1]);
        const stageName = (form.getFieldValue(['stages', path[1], 'name']) as string) ?? '';
        lines.push(`${stageName}: ${item.message}`);
      } else if (path[0] === 'name') {
        form.setFields([{ name: ['name'], errors: [item.message] }]);
      } else {
        lines.push(item.message);
      }
    }
    return lines.length > 0 ? lines.join('；') : t('funnels.fixErrors');
  }

  const openCount = kinds.filter((kind) => kind === 'open').length;

  return (
    <Form<FunnelValues>
      form={form}
      name="funnel"
      layout="vertical"
      initialValues={funnelValues(initial)}
      onFinish={save}
      onFinishFailed={onFinishFailed}
      scrollToFirstError
    >
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to="/settings/funnels">{t('nav.funnels')}</Link> },
          { title: base.name },
        ]}
      />
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 12 }}>
        <Space wrap>
          <Link to="/settings/funnels" aria-label={t('funnels.back')}>
            <ArrowLeftOutlined />
          </Link>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('funnels.editTitle', { name: base.name })}
          </Typography.Title>
          <Tag>{purposeLabel(t, base.purpose)}</Tag>
        </Space>
        <Button type="primary" htmlType="submit" loading={update.isPending}>
          {t('common.save')}
        </Button>
      </Flex>
      <Alert type="info" showIcon title={t('funnels.languageHint')} style={{ marginBottom: 12 }} />
      {problem && (
        <Alert type={problem.type} showIcon title={problem.text} style={{ marginBottom: 12 }} />
      )}
      <Card style={{ marginBottom: 12 }}>
        <Form.Item
          name="name"
          label={t('funnels.name')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { max: 100 },
          ]}
          style={{ marginBottom: 0, maxWidth: 480 }}
        >
          <Input autoComplete="off" />
        </Form.Item>
      </Card>
      <Form.List name="stages">
        {(fields, { add, remove, move }) => (
          <>
            <Collapse
              activeKey={open}
              onChange={(keys) => setOpen(keys as string[])}
              items={fields.map((field, index) => {
                const kind = kinds[index] ?? 'open';
                const terminal = kind === 'open' ? null : kind;
                return {
                  key: String(index),
                  label: <StageHeader index={index} kinds={kinds} />,
                  extra: terminal === null && (
                    <StageButtons
                      index={index}
                      canMoveDown={kinds[index + 1] === 'open'}
                      canRemove={openCount > 1}
                      onMove={move}
                      onRemove={() => remove(field.name)}
                    />
                  ),
                  children: <StageFields stage={field.name} terminal={terminal} />,
                };
              })}
            />
            <Flex justify="space-between" wrap gap={12} style={{ marginTop: 12 }}>
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => {
                  add(blankStage(t('funnels.newStage')), openCount);
                  openStage(openCount);
                }}
              >
                {t('funnels.addStage')}
              </Button>
              <Button type="primary" htmlType="submit" loading={update.isPending}>
                {t('common.save')}
              </Button>
            </Flex>
          </>
        )}
      </Form.List>
    </Form>
  );
}

/** 1 目标客户 赢率 5% · 6 条准入标准 · 3 个关键动作 — watching only its own stage. */
function StageHeader({ index, kinds }: { index: number; kinds: string[] }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<FunnelValues>();
  const stage = Form.useWatch(['stages', index], { form, preserve: true }) as
    | StageValues
    | undefined;
  if (!stage) return null;
  const colored = kinds.map((kind, position) => ({
    key: String(position),
    terminal: kind === 'open' ? null : (kind as 'won' | 'lost'),
  }));
  return (
    <Flex wrap gap={8} align="center">
      <Tag color={stageColor(colored, String(index))} style={{ marginInlineEnd: 0 }}>
        {stage.terminal === null
          ? index + 1
          : stage.terminal === 'won'
            ? t('funnels.won')
            : t('funnels.lost')}
      </Tag>
      <Typography.Text strong>{stage.name || t('funnels.unnamed')}</Typography.Text>
      <Typography.Text type="secondary">
        {t('funnels.stageSummary', {
          probability: stage.probability ?? 0,
          criteria: stage.criteria?.length ?? 0,
          actions: stage.keyActions?.length ?? 0,
        })}
      </Typography.Text>
    </Flex>
  );
}

/** Reorder and remove, in the header of an open stage; terminal stages stay last. */
function StageButtons(props: {
  index: number;
  canMoveDown: boolean;
  canRemove: boolean;
  onMove: (from: number, to: number) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<FunnelValues>();
  const name = (Form.useWatch(['stages', props.index, 'name'], { form, preserve: true }) ??
    '') as string;
  const { index } = props;
  return (
    // Buttons in the header must not fold the panel.
    // biome-ignore lint/a11y/noStaticElementInteractions: only stops the click reaching the header
    // biome-ignore lint/a11y/useKeyWithClickEvents: the buttons inside take the keyboard
    <span onClick={(event) => event.stopPropagation()}>
      <Button
        type="text"
        size="small"
        icon={<ArrowUpOutlined />}
        disabled={index === 0}
        aria-label={t('funnels.moveUp', { name })}
        onClick={() => props.onMove(index, index - 1)}
      />
      <Button
        type="text"
        size="small"
        icon={<ArrowDownOutlined />}
        disabled={!props.canMoveDown}
        aria-label={t('funnels.moveDown', { name })}
        onClick={() => props.onMove(index, index + 1)}
      />
      <Popconfirm
        title={t('funnels.removeStageConfirm', { name })}
        description={t('funnels.removeStageHint')}
        okText={t('funnels.remove')}
        okButtonProps={{ danger: true }}
        cancelText={t('common.cancel')}
        onConfirm={props.onRemove}
      >
        <Button
          type="text"
          size="small"
          danger
          icon={<DeleteOutlined />}
          disabled={!props.canRemove}
          aria-label={t('funnels.removeStage', { name })}
        />
      </Popconfirm>
    </span>
  );
}
