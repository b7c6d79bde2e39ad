import DeleteOutlined from '@ant-design/icons/es/icons/DeleteOutlined';
import PlusOutlined from '@ant-design/icons/es/icons/PlusOutlined';
import {
  Button,
  Card,
  Checkbox,
  Col,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_KINDS } from '../../../domain/funnels/types';
import { ACTIVITY_TYPES, CONTACT_ROLES } from '../../../domain/vocabulary';
import {
  CUSTOMER_FACT_FIELDS,
  DEAL_FACT_FIELDS,
} from '../../../server/modules/funnels/funnels.schema';
import {
  activityTypeLabel,
  contactRoleLabel,
  documentKindLabel,
  factFieldLabel,
  keyActionKindLabel,
} from './labels';
import type { KeyActionValues } from './stageForm';

const KINDS = ['activity', 'document', 'field'] as const;

/** 关键动作 of one stage: countable work, each as type, what counts, how many, over which days. */
export function KeyActionsField({ stage }: { stage: number }) {
  const { t } = useTranslation();
  const required = { required: true, message: t('validation.required') };
  return (
    <Form.List name={[stage, 'keyActions']}>
      {(fields, { add, remove }) => (
        <Flex vertical gap={8}>
          {fields.length === 0 && (
            <Typography.Text type="secondary">{t('funnels.noKeyActions')}</Typography.Text>
          )}
          {fields.map((field, index) => (
            <Card
              key={field.key}
              size="small"
              title={t('funnels.keyActionN', { n: index + 1 })}
              extra={
                <Button
                  type="text"
                  size="small"
                  icon={<DeleteOutlined />}
                  aria-label={t('funnels.removeKeyActionN', { n: index + 1 })}
                  onClick={() => remove(field.name)}
                />
              }
            >
              <Row gutter={12}>
                <Col xs={24} md={14}>
                  <Form.Item
                    name={[field.name, 'label']}
                    label={t('funnels.keyActionLabel')}
                    rules={[{ ...required, whitespace: true }, { max: 300 }]}
                  >
                    <Input placeholder={t('funnels.keyActionLabelPlaceholder')} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={10}>
                  <Form.Item name={[field.name, 'kind']} label={t('funnels.keyActionKind')}>
                    <Select
                      options={KINDS.map((kind) => ({
                        value: kind,
                        label: keyActionKindLabel(t, kind),
                      }))}
                    />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item
                noStyle
                shouldUpdate={(before, after) =>
                  before.stages?.[stage]?.keyActions?.[field.name]?.kind !==
                  after.stages?.[stage]?.keyActions?.[field.name]?.kind
                }
              >
                {({ getFieldValue }) => (
                  <KindFields
                    name={field.name}
                    kind={getFieldValue(['stages', stage, 'keyActions', field.name, 'kind'])}
                  />
                )}
              </Form.Item>
            </Card>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            style={{ alignSelf: 'flex-start' }}
            onClick={() =>
              add({
                label: '',
                kind: 'activity',
                minCount: 1,
                activityTypes: [],
                contactRoles: [],
                effectiveOnly: false,
              } satisfies KeyActionValues)
            }
          >
            {t('funnels.addKeyAction')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}

function KindFields({ name, kind }: { name: number; kind: KeyActionValues['kind'] }) {
  const { t } = useTranslation();
  const required = { required: true, message: t('validation.required') };
  const count = (
    <Form.Item name={[name, 'minCount']} label={t('funnels.minCount')} rules={[required]}>
      <InputNumber min={1} max={1000} precision={0} style={{ width: '100%' }} />
    </Form.Item>
  );
  const window = (
    <Form.Item
      name={[name, 'windowDays']}
      label={t('funnels.windowDays')}
      tooltip={t('funnels.windowDaysHint')}
    >
      <InputNumber
        min={1}
        max={3650}
        precision={0}
        placeholder={t('funnels.windowInStage')}
        suffix={t('funnels.days')}
        style={{ width: '100%' }}
      />
    </Form.Item>
  );
  if (kind === 'document') {
    return (
      <Row gutter={12}>
        <Col xs={24} md={10}>
          <Form.Item
            name={[name, 'documentKind']}
            label={t('funnels.documentKindTitle')}
            rules={[required]}
          >
            <Select
              options={DOCUMENT_KINDS.map((value) => ({
                value,
                label: documentKindLabel(t, value),
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={7}>
          {count}
        </Col>
        <Col xs={12} md={7}>
          {window}
        </Col>
      </Row>
    );
  }
  if (kind === 'field') {
    return (
      <Form.Item
        name={[name, 'field']}
        label={t('funnels.factField')}
        rules={[required]}
        extra={t('funnels.factFieldHint')}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={[
            {
              label: t('funnels.dealFields'),
              options: DEAL_FACT_FIELDS.map((value) => ({
                value,
                label: factFieldLabel(t, value),
              })),
            },
            {
              label: t('funnels.customerFields'),
              options: CUSTOMER_FACT_FIELDS.map((value) => ({
                value,
                label: factFieldLabel(t, value),
              })),
            },
          ]}
        />
      </Form.Item>
    );
  }
  return (
    <Row gutter={12}>
      <Col xs={24} md={12}>
        <Form.Item name={[name, 'activityTypes']} label={t('funnels.activityTypes')}>
          <Select
            mode="multiple"
            allowClear
            placeholder={t('funnels.anyActivityType')}
            options={ACTIVITY_TYPES.map((value) => ({ value, label: activityTypeLabel(t, value) }))}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={[name, 'contactRoles']} label={t('funnels.contactRoles')}>
          <Select
            mode="multiple"
            allowClear
            placeholder={t('funnels.anyContact')}
            options={CONTACT_ROLES.map((value) => ({ value, label: contactRoleLabel(t, value) }))}
          />
        </Form.Item>
      </Col>
      <Col xs={12} md={8}>
        {count}
      </Col>
      <Col xs={12} md={8}>
        {window}
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={[name, 'effectiveOnly']} valuePropName="checked" label=" " colon={false}>
          <Checkbox>{t('funnels.effectiveOnly')}</Checkbox>
        </Form.Item>
      </Col>
    </Row>
  );
}
