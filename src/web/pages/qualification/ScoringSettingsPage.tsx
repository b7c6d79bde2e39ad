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
  Popconfirm,
  Select,
  Space,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_SCORING_RULES } from '../../../domain/scoring/defaultScoringRules';
import { ApiError } from '../../api/client';
import { ErrorState, ListSkeleton } from '../../components/PageStates';
import { describeError } from '../../lib/errors';
import { useCustomFieldDefs } from '../settings/archive/api';
import { type ScoringSettings, useSaveScoringSettings, useScoringSettings } from './api';
import { opLabel, scoringFieldLabel } from './labels';

type Criterion = ScoringSettings['criteria'][number];
type Op = Criterion['op'];
const OPS: Op[] = ['eq', 'in', 'gte', 'lte', 'present', 'tag'];
const FIELDS = ['headcount', 'industry', 'province', 'city', 'country', 'source', 'tags', 'grade'];

/** A criterion as the form edits it: the value always as text (or a list for "in"). */
interface Row {
  id: string;
  zh: string;
  en: string;
  field: string;
  op: Op;
  value?: string | string[];
  points: number;
}
interface Values {
  threshold: number;
  rows: Row[];
}

const toRow = (criterion: Criterion): Row => ({
  id: criterion.id,
  zh: criterion.label['zh-CN'],
  en: criterion.label.en,
  field: criterion.field,
  op: criterion.op,
  value: Array.isArray(criterion.value)
    ? criterion.value
    : criterion.value === undefined
      ? undefined
      : String(criterion.value),
  points: criterion.points,
});

// 'true'/'false' are yes/no fields, digits are numbers, anything else is text.
function parseValue(row: Row): Criterion['value'] {
  if (row.op === 'present') return undefined;
  if (row.op === 'in') return Array.isArray(row.value) ? row.value : [];
  const text = String(row.value ?? '').trim();
  if (text === 'true' || text === 'false') return text === 'true';
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text;
}

const toCriterion = (row: Row, index: number): Criterion => ({
  id: row.id || `criterion-${index + 1}-${Date.now().toString(36)}`,
  label: { 'zh-CN': row.zh.trim(), en: (row.en || row.zh).trim() },
  field: row.field,
  op: row.op,
  value: parseValue(row),
  points: row.points,
});

/** 设置 → 线索评分: weighted criteria over customer fields and the qualification threshold. */
export default function ScoringSettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const settings = useScoringSettings();
  const save = useSaveScoringSettings();
  const customFields = useCustomFieldDefs(true);
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (settings.data) {
      form.setFieldsValue({
        threshold: settings.data.threshold,
        rows: settings.data.criteria.map(toRow),
      });
    }
  }, [settings.data, form]);

  const yesNoFields = new Set(
    (customFields.data ?? [])
      .filter((def) => def.type === 'boolean')
      .map((def) => `custom.${def.key}`),
  );
  const fieldOptions = [
    ...FIELDS.map((field) => ({ value: field, label: scoringFieldLabel(t, field) })),
    ...(customFields.data ?? []).map((def) => ({ value: `custom.${def.key}`, label: def.label })),
  ];

  async function submit(values: Values) {
    if (!settings.data) return;
    setProblem(null);
    try {
      const saved = await save.mutateAsync({
        version: settings.data.version,
        threshold: values.threshold,
        criteria: values.rows.map(toCriterion),
      });
      message.success(
        saved.recompute === 'done'
          ? t('qualification.scoring.savedDone')
          : t('qualification.scoring.savedBackground'),
      );
    } catch (error) {
      setProblem(
        error instanceof ApiError && error.code === 'version_conflict'
          ? t('errors.versionConflict')
          : error instanceof ApiError && error.errors.length > 0
            ? error.errors.map((e) => `${e.field}: ${e.message}`).join('; ')
            : describeError(t, error),
      );
    }
  }

  if (settings.isPending) return <ListSkeleton rows={8} />;
  if (settings.isError) {
    return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  }

  return (
    <>
      <Typography.Title level={4}>{t('nav.leadScoring')}</Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('qualification.scoring.intro')}
      </Typography.Paragraph>
      {settings.data.recomputing && (
        <Alert
          type="info"
          showIcon
          title={t('qualification.scoring.recomputing')}
          style={{ marginBottom: 12 }}
        />
      )}
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Card size="small" style={{ marginBottom: 16 }}>
          <Form.Item
            name="threshold"
            label={t('qualification.scoring.threshold')}
            extra={t('qualification.scoring.thresholdHint')}
            rules={[{ required: true, message: t('validation.required') }]}
            style={{ marginBottom: 0 }}
          >
            <InputNumber precision={0} min={-10000} max={10000} />
          </Form.Item>
        </Card>
        <Form.List name="rows">
          {(rows, { add, remove }) => (
            <Flex vertical gap={8}>
              {rows.map((row) => (
                <CriterionRow
                  key={row.key}
                  name={row.name}
                  fieldOptions={fieldOptions}
                  yesNoFields={yesNoFields}
                  onRemove={() => remove(row.name)}
                />
              ))}
              <Space wrap>
                <Button
                  icon={<PlusOutlined />}
                  onClick={() =>
                    add({ id: '', zh: '', en: '', field: 'headcount', op: 'gte', points: 10 })
                  }
                >
                  {t('qualification.scoring.add')}
                </Button>
                <Popconfirm
                  title={t('qualification.scoring.restoreConfirm')}
                  onConfirm={() =>
                    form.setFieldsValue({
                      threshold: DEFAULT_SCORING_RULES.threshold,
                      rows: DEFAULT_SCORING_RULES.criteria.map((c) => toRow(c as Criterion)),
                    })
                  }
                >
                  <Button>{t('qualification.scoring.restore')}</Button>
                </Popconfirm>
                <Button type="primary" htmlType="submit" loading={save.isPending}>
                  {t('qualification.scoring.save')}
                </Button>
              </Space>
            </Flex>
          )}
        </Form.List>
      </Form>
    </>
  );
}

function CriterionRow(props: {
  name: number;
  fieldOptions: { value: string; label: string }[];
  yesNoFields: Set<string>;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<Values>();
  const op: Op | undefined = Form.useWatch(['rows', props.name, 'op'], form);
  const field: string | undefined = Form.useWatch(['rows', props.name, 'field'], form);
  const yesNo = op === 'eq' && field !== undefined && props.yesNoFields.has(field);
  const required = [{ required: true, whitespace: true, message: t('validation.required') }];
  return (
    <Card size="small" styles={{ body: { paddingBottom: 0 } }}>
      <Form.Item name={[props.name, 'id']} hidden>
        <Input />
      </Form.Item>
      <Flex gap={8} wrap align="flex-start">
        <Form.Item
          name={[props.name, 'zh']}
          label={t('qualification.scoring.labelZh')}
          rules={required}
          style={{ flex: '2 1 200px' }}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name={[props.name, 'en']}
          label={t('qualification.scoring.labelEn')}
          style={{ flex: '2 1 200px' }}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name={[props.name, 'points']}
          label={t('qualification.scoring.points')}
          rules={[{ required: true, message: t('validation.required') }]}
          style={{ flex: '0 0 90px' }}
        >
          <InputNumber precision={0} min={-1000} max={1000} style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
      <Flex gap={8} wrap align="flex-start">
        <Form.Item
          name={[props.name, 'field']}
          label={t('qualification.scoring.field')}
          rules={required}
          style={{ flex: '2 1 180px' }}
        >
          <Select showSearch={{ optionFilterProp: 'label' }} options={props.fieldOptions} />
        </Form.Item>
        <Form.Item
          name={[props.name, 'op']}
          label={t('qualification.scoring.op')}
          style={{ flex: '1 1 140px' }}
        >
          <Select options={OPS.map((value) => ({ value, label: opLabel(t, value) }))} />
        </Form.Item>
        {op !== 'present' && (
          <Form.Item
            name={[props.name, 'value']}
            label={t('qualification.scoring.value')}
            style={{ flex: '2 1 180px' }}
          >
            {op === 'in' ? (
              <Select mode="tags" open={false} suffixIcon={null} />
            ) : yesNo ? (
              <Select
                options={[
                  { value: 'true', label: t('qualification.scoring.yes') },
                  { value: 'false', label: t('qualification.scoring.no') },
                ]}
              />
            ) : (
              <Input maxLength={200} />
            )}
          </Form.Item>
        )}
        <Button
          danger
          type="text"
          icon={<DeleteOutlined />}
          aria-label={t('qualification.scoring.remove')}
          onClick={props.onRemove}
          style={{ marginTop: 30 }}
        />
      </Flex>
    </Card>
  );
}
