import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localizedYuan } from '../../../domain/grading/formatMoney';
import { ApiError } from '../../api/client';
import type { Locale } from '../../api/types';
import { useCurrentUser } from '../../components/CurrentUser';
import { ErrorState, ListSkeleton } from '../../components/PageStates';
import { currentLocale } from '../../i18n';
import { describeError } from '../../lib/errors';
import {
  type GradingSettings,
  useGradingSettings,
  useRunGrading,
  useSaveGradingSettings,
} from './api';
import { metricLabel } from './labels';

type RuleSet = GradingSettings['ruleSet'];
type Grade = RuleSet['grades'][number];
type Condition = Grade['conditions'][number];

/** "月回款 ≥ 100,000.00元": a condition as people read it (cents metrics as yuan). */
export function describeCondition(t: TFunction, locale: Locale, condition: Condition): string {
  const wan = condition.value / 1_000_000; // 1万元 in cents
  const value = condition.metric.endsWith('Cents')
    ? locale === 'zh-CN' && Number.isInteger(wan)
      ? t('qualification.grading.wan', { value: wan })
      : localizedYuan(condition.value)[locale]
    : condition.metric === 'onTimePaymentRatio'
      ? `${(condition.value * 100).toFixed(0)}%`
      : String(condition.value);
  return `${metricLabel(t, condition.metric)} ${condition.op === 'gte' ? '≥' : '≤'} ${value}`;
}

/** 设置 → 客户分级: the rule set and its grade policies, the unpaid rule, recompute now. */
export default function GradingSettingsPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const locale = currentLocale();
  const me = useCurrentUser();
  const settings = useGradingSettings();
  const save = useSaveGradingSettings();
  const run = useRunGrading();
  const [ruleSet, setRuleSet] = useState<RuleSet | null>(null);
  const [unpaidDays, setUnpaidDays] = useState<number | null>(null);
  const [trailingMonths, setTrailingMonths] = useState(3);
  const [problem, setProblem] = useState<string | null>(null);
  const admin = me.role === 'admin';

  useEffect(() => {
    if (!settings.data) return;
    setRuleSet(settings.data.ruleSet);
    setUnpaidDays(settings.data.unpaidDowngradeDays);
    setTrailingMonths(settings.data.trailingMonths);
  }, [settings.data]);

  async function put(body: Omit<Parameters<typeof save.mutateAsync>[0], 'version'>) {
    if (!settings.data) return;
    setProblem(null);
    try {
      await save.mutateAsync({ version: settings.data.version, ...body });
      message.success(t('qualification.grading.saved'));
    } catch (error) {
      setProblem(
        error instanceof ApiError && error.code === 'version_conflict'
          ? t('errors.versionConflict')
          : describeError(t, error),
      );
    }
  }

  async function recompute() {
    try {
      const result = await run.mutateAsync();
      message.success(
        t('qualification.grading.ran', {
          graded: result.graded,
          changed: result.changed,
          downgraded: result.downgraded,
          seconds: (result.durationMs / 1000).toFixed(1),
        }),
      );
    } catch (error) {
      message.error(describeError(t, error));
    }
  }

  if (settings.isPending || !ruleSet) return <ListSkeleton rows={8} />;
  if (settings.isError) {
    return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  }

  const setPolicy = (grade: string, change: Partial<Grade['policy']>) =>
    setRuleSet({
      ...ruleSet,
      grades: ruleSet.grades.map((g) =>
        g.grade === grade ? { ...g, policy: { ...g.policy, ...change } } : g,
      ),
    });
  const presetIds = settings.data.presets.map((preset) => preset.id);

  return (
    <>
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('nav.customerGrading')}
        </Typography.Title>
        <Button type="primary" loading={run.isPending} onClick={() => void recompute()}>
          {t('qualification.grading.recompute')}
        </Button>
      </Flex>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('qualification.grading.activeSet')}>
            <Space wrap>
              <Typography.Text strong>{ruleSet.name[locale]}</Typography.Text>
              {admin && (
                <Select
                  aria-label={t('qualification.grading.switchSet')}
                  placeholder={t('qualification.grading.switchSet')}
                  value={null}
                  style={{ minWidth: 240 }}
                  options={settings.data.presets
                    .filter((preset) => preset.id !== settings.data.ruleSet.id)
                    .map((preset) => ({ value: preset.id, label: preset.name[locale] }))}
                  onChange={(id: string) => {
                    const preset = settings.data.presets.find((p) => p.id === id);
                    if (!preset || !presetIds.includes(id)) return;
                    modal.confirm({
                      title: t('qualification.grading.switchConfirm', {
                        name: preset.name[locale],
                      }),
                      onOk: () => put({ preset: id as 'vip-abc' | 'abcd' }),
                    });
                  }}
                />
              )}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('qualification.grading.unpaidRule')}>
            <Space wrap>
              <Switch
                aria-label={t('qualification.grading.unpaidRule')}
                disabled={!admin}
                checked={unpaidDays !== null}
                onChange={(on) => setUnpaidDays(on ? 30 : null)}
              />
              {unpaidDays !== null && (
                <InputNumber
                  aria-label={t('qualification.grading.unpaidDays')}
                  disabled={!admin}
                  min={0}
                  max={3650}
                  precision={0}
                  value={unpaidDays}
                  onChange={(value) => setUnpaidDays(value ?? 0)}
                  suffix={t('qualification.grading.days')}
                />
              )}
              <Typography.Text type="secondary">
                {t('qualification.grading.unpaidHint')}
              </Typography.Text>
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('qualification.grading.trailingMonths')}>
            <InputNumber
              aria-label={t('qualification.grading.trailingMonths')}
              disabled={!admin}
              min={1}
              max={24}
              precision={0}
              value={trailingMonths}
              onChange={(value) => setTrailingMonths(value ?? 3)}
              suffix={t('qualification.grading.months')}
            />
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Table<Grade>
        rowKey="grade"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={ruleSet.grades}
        columns={[
          {
            key: 'grade',
            title: t('qualification.grading.grade'),
            render: (_, grade) => <Tag color="gold">{grade.label[locale]}</Tag>,
          },
          {
            key: 'conditions',
            title: t('qualification.grading.conditions'),
            render: (_, grade) =>
              grade.conditions.length === 0 ? (
                <Typography.Text type="secondary">
                  {t('qualification.grading.otherwise')}
                </Typography.Text>
              ) : (
                <Flex vertical>
                  {grade.conditions.map((condition) => (
                    <span key={`${condition.metric}-${condition.op}`}>
                      {describeCondition(t, locale, condition)}
                    </span>
                  ))}
                </Flex>
              ),
          },
          {
            key: 'terms',
            title: t('qualification.grading.paymentTerms'),
            render: (_, grade) => (
              <InputNumber
                aria-label={`${t('qualification.grading.paymentTerms')} ${grade.grade}`}
                disabled={!admin}
                min={0}
                max={3650}
                precision={0}
                value={grade.policy.paymentTermsDays}
                onChange={(value) => setPolicy(grade.grade, { paymentTermsDays: value ?? 0 })}
                suffix={t('qualification.grading.days')}
                style={{ width: 110 }}
              />
            ),
          },
          {
            key: 'support',
            title: t('qualification.grading.support'),
            render: (_, grade) => (
              <Input.TextArea
                aria-label={`${t('qualification.grading.support')} ${grade.grade}`}
                disabled={!admin}
                autoSize
                value={grade.policy.supportLevel[locale]}
                onChange={(event) =>
                  setPolicy(grade.grade, {
                    supportLevel: { ...grade.policy.supportLevel, [locale]: event.target.value },
                  })
                }
                style={{ minWidth: 200 }}
              />
            ),
          },
          {
            key: 'description',
            title: t('qualification.grading.description'),
            render: (_, grade) => (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {grade.policy.description[locale]}
              </Typography.Text>
            ),
          },
        ]}
      />
      {admin && (
        <Flex justify="flex-end" style={{ marginTop: 16 }}>
          <Popconfirm
            title={t('qualification.grading.saveConfirm')}
            onConfirm={() => void put({ ruleSet, unpaidDowngradeDays: unpaidDays, trailingMonths })}
          >
            <Button type="primary" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Popconfirm>
        </Flex>
      )}
    </>
  );
}
