import {
  Alert,
  Button,
  Checkbox,
  Col,
  Divider,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Switch,
} from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n';
import { showServerErrors } from '../../lib/errors';
import { useFunnels } from '../funnels/api';
import { useTeams } from '../settings/api';
import { useGrades } from '../settings/archive/api';
import {
  type LapseRule,
  type LapseRuleDraft,
  type PreviewResult,
  usePreviewLapses,
  useSaveLapseRule,
} from './api';
import { PreviewResultView } from './PreviewResultView';

interface RuleValues {
  name: string;
  teamId?: string | null;
  funnelId?: string | null;
  noActivityDays?: number | null;
  noProgressDays?: number | null;
  warnDays: number;
  exemptWon: boolean;
  exemptStageKeys: string[];
  exemptGrades: string[];
  active: boolean;
}

const FIELDS = [
  'name',
  'teamId',
  'funnelId',
  'noActivityDays',
  'noProgressDays',
  'warnDays',
  'exemptWon',
  'exemptStageKeys',
  'exemptGrades',
  'active',
] as const;

const draftOf = (values: RuleValues): LapseRuleDraft => ({
  name: values.name?.trim() || '—',
  teamId: values.teamId ?? null,
  funnelId: values.funnelId ?? null,
  noActivityDays: values.noActivityDays ?? null,
  noProgressDays: values.noProgressDays ?? null,
  warnDays: values.warnDays ?? 0,
  exemptWon: values.exemptWon,
  exemptStageKeys: values.exemptStageKeys ?? [],
  exemptGrades: values.exemptGrades ?? [],
});

/** One lapse rule (回收规则), with a preview of the whole rule set as it would be after saving. */
export function LapseRuleModal(props: {
  rule: LapseRule | null;
  saved: LapseRule[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [form] = Form.useForm<RuleValues>();
  const teams = useTeams();
  const funnels = useFunnels();
  const grades = useGrades();
  const save = useSaveLapseRule();
  const preview = usePreviewLapses();
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<PreviewResult | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  // The preview sits below a long form: bring it into view when it arrives.
  useEffect(() => {
    if (result) resultRef.current?.scrollIntoView({ block: 'start' });
  }, [result]);
  const rule = props.rule;
  const funnelId = Form.useWatch('funnelId', form);

  const stageOptions = (funnels.data ?? [])
    .filter((funnel) => !funnelId || funnel.id === funnelId)
    .flatMap((funnel) =>
      funnel.stages.map((stage) => ({
        value: stage.key,
        label: funnelId ? stage.name : `${funnel.name} · ${stage.name}`,
      })),
    )
    .filter((option, index, all) => all.findIndex((o) => o.value === option.value) === index);

  const submit = (values: RuleValues) => {
    setProblem(null);
    const draft = draftOf(values);
    const body = rule
      ? {
          version: rule.version,
          name: draft.name,
          noActivityDays: draft.noActivityDays,
          noProgressDays: draft.noProgressDays,
          warnDays: draft.warnDays,
          exemptWon: draft.exemptWon,
          exemptStageKeys: draft.exemptStageKeys,
          exemptGrades: draft.exemptGrades,
          active: values.active,
        }
      : { ...draft, active: values.active };
    save.mutate(
      { id: rule?.id, body },
      {
        onSuccess: props.onClose,
        onError: (error) => setProblem(showServerErrors(t, form, FIELDS, error)),
      },
    );
  };

  const runPreview = async () => {
    setProblem(null);
    const values = await form.validateFields();
    // The rule set as it would be: the other active saved rules plus this draft.
    const others = props.saved
      .filter((saved) => saved.active && saved.id !== rule?.id)
      .map((saved) => ({ ...saved, active: true }));
    const rules = [...others, ...(values.active ? [draftOf(values)] : [])].map((r) => ({
      name: r.name,
      teamId: r.teamId ?? null,
      funnelId: r.funnelId ?? null,
      noActivityDays: r.noActivityDays ?? null,
      noProgressDays: r.noProgressDays ?? null,
      warnDays: r.warnDays,
      exemptWon: r.exemptWon,
      exemptStageKeys: r.exemptStageKeys,
      exemptGrades: r.exemptGrades,
    }));
    preview.mutate(
      { rules },
      {
        onSuccess: setResult,
        onError: (error) => setProblem(showServerErrors(t, form, FIELDS, error)),
      },
    );
  };

  return (
    <Modal
      open
      width={760}
      title={
        rule ? t('ownership.rules.editTitle', { name: rule.name }) : t('ownership.rules.create')
      }
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      footer={(_, { OkBtn, CancelBtn }) => (
        <>
          <CancelBtn />
          <Button loading={preview.isPending} onClick={() => void runPreview()}>
            {t('ownership.preview.run')}
          </Button>
          <OkBtn />
        </>
      )}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          rule ?? {
            warnDays: 3,
            exemptWon: true,
            exemptStageKeys: [],
            exemptGrades: [],
            active: true,
            noActivityDays: 30,
          }
        }
      >
        <Form.Item
          name="name"
          label={t('ownership.rules.name')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input maxLength={100} placeholder={t('ownership.rules.namePlaceholder')} />
        </Form.Item>
        <Form.Item label={t('ownership.rules.scope')} extra={t('ownership.rules.precedence')}>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="teamId" noStyle>
              <Select
                allowClear
                disabled={rule !== null}
                aria-label={t('ownership.rules.team')}
                placeholder={t('ownership.rules.allTeams')}
                style={{ width: '50%' }}
                options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
              />
            </Form.Item>
            <Form.Item name="funnelId" noStyle>
              <Select
                allowClear
                disabled={rule !== null}
                aria-label={t('ownership.rules.funnel')}
                placeholder={t('ownership.rules.allFunnels')}
                style={{ width: '50%' }}
                options={(funnels.data ?? []).map((funnel) => ({
                  value: funnel.id,
                  label: funnel.name,
                }))}
              />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name="noActivityDays"
              label={t('ownership.rules.noActivityDays')}
              extra={t('ownership.rules.noActivityHint')}
            >
              <InputNumber min={1} max={3650} precision={0} suffix={t('ownership.days')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="noProgressDays"
              label={t('ownership.rules.noProgressDays')}
              extra={t('ownership.rules.noProgressHint')}
            >
              <InputNumber min={1} max={3650} precision={0} suffix={t('ownership.days')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="warnDays"
              label={t('ownership.rules.warnDays')}
              extra={t('ownership.rules.warnHint')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <InputNumber min={0} max={3650} precision={0} suffix={t('ownership.days')} />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start" plain>
          {t('ownership.rules.exemptions')}
        </Divider>
        <Form.Item name="exemptWon" valuePropName="checked">
          <Checkbox>{t('ownership.rules.exemptWon')}</Checkbox>
        </Form.Item>
        <Form.Item name="exemptStageKeys" label={t('ownership.rules.exemptStages')}>
          <Select mode="tags" options={stageOptions} optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="exemptGrades" label={t('ownership.rules.exemptGrades')}>
          <Select
            mode="tags"
            options={(grades.data ?? []).map((grade) => ({
              value: grade.grade,
              label: grade.label[locale] ?? grade.grade,
            }))}
          />
        </Form.Item>
        <Form.Item name="active" label={t('ownership.rules.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      </Form>
      {result && (
        <div ref={resultRef}>
          <Divider plain>{t('ownership.preview.title')}</Divider>
          <PreviewResultView result={result} />
        </div>
      )}
    </Modal>
  );
}
