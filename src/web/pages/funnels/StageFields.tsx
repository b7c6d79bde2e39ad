import DeleteOutlined from '@ant-design/icons/es/icons/DeleteOutlined';
import PlusOutlined from '@ant-design/icons/es/icons/PlusOutlined';
import {
  Button,
  Checkbox,
  Col,
  Divider,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Typography,
} from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { KeyActionsField } from './KeyActionsField';

/** Every setting of one stage of the funnel being edited (`stage` is its index in the list). */
export function StageFields({
  stage,
  terminal,
}: {
  stage: number;
  terminal: 'won' | 'lost' | null;
}) {
  const { t } = useTranslation();
  const required = { required: true, whitespace: true, message: t('validation.required') };
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name={[stage, 'name']}
            label={t('funnels.stageName')}
            rules={[required, { max: 100 }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name={[stage, 'probability']}
            label={t('funnels.probability')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <InputNumber
              min={0}
              max={100}
              precision={0}
              suffix="%"
              disabled={terminal !== null}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
        {terminal === null && (
          <Col xs={12} md={6}>
            <Form.Item
              name={[stage, 'staleAfterDays']}
              label={t('funnels.staleAfterDays')}
              tooltip={t('funnels.staleAfterDaysHint')}
            >
              <InputNumber
                min={1}
                max={3650}
                precision={0}
                suffix={t('funnels.days')}
                placeholder={t('funnels.never')}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
        )}
      </Row>
      <Form.Item
        name={[stage, 'definition']}
        label={t('funnels.definition')}
        rules={[{ max: 2000 }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name={[stage, 'signatureOutput']}
            label={t('funnels.signatureOutput')}
            tooltip={t('funnels.signatureOutputHint')}
            rules={[{ max: 300 }]}
          >
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name={[stage, 'goalMetric']}
            label={t('funnels.goalMetric')}
            rules={[{ max: 300 }]}
          >
            <Input />
          </Form.Item>
        </Col>
      </Row>

      <Section title={t('funnels.criteria')} hint={t('funnels.criteriaHint')}>
        <Form.List name={[stage, 'criteria']}>
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="start">
                  <Form.Item
                    name={[field.name, 'label']}
                    rules={[required, { max: 300 }]}
                    style={{ flex: 1, marginBottom: 0 }}
                  >
                    <Input aria-label={t('funnels.criterionN', { n: index + 1 })} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'required']}
                    valuePropName="checked"
                    style={{ marginBottom: 0 }}
                  >
                    <Checkbox>{t('funnels.required')}</Checkbox>
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    aria-label={t('funnels.removeCriterionN', { n: index + 1 })}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
              ))}
              <AddButton onClick={() => add({ label: '', required: true })}>
                {t('funnels.addCriterion')}
              </AddButton>
            </Flex>
          )}
        </Form.List>
      </Section>

      {terminal === null && (
        <Section title={t('funnels.keyActions')} hint={t('funnels.keyActionsHint')}>
          <KeyActionsField stage={stage} />
        </Section>
      )}

      <Section title={t('funnels.scripts')} hint={t('funnels.scriptsHint')}>
        <Form.List name={[stage, 'scripts']}>
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="start">
                  <Form.Item
                    name={field.name}
                    rules={[{ max: 4000 }]}
                    style={{ flex: 1, marginBottom: 0 }}
                  >
                    <Input.TextArea
                      aria-label={t('funnels.scriptN', { n: index + 1 })}
                      autoSize={{ minRows: 1, maxRows: 6 }}
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    aria-label={t('funnels.removeScriptN', { n: index + 1 })}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
              ))}
              <AddButton onClick={() => add('')}>{t('funnels.addScript')}</AddButton>
            </Flex>
          )}
        </Form.List>
      </Section>

      <Section title={t('funnels.objections')} hint={t('funnels.objectionsHint')}>
        <Form.List name={[stage, 'objections']}>
          {(fields, { add, remove }) => (
            <Flex vertical gap={12}>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="start">
                  <Flex vertical gap={4} style={{ flex: 1 }}>
                    <Form.Item
                      name={[field.name, 'objection']}
                      rules={[{ max: 500 }]}
                      style={{ marginBottom: 0 }}
                    >
                      <Input
                        aria-label={t('funnels.objectionN', { n: index + 1 })}
                        placeholder={t('funnels.objectionPlaceholder')}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'answer']}
                      rules={[{ max: 4000 }]}
                      style={{ marginBottom: 0 }}
                    >
                      <Input.TextArea
                        aria-label={t('funnels.answerN', { n: index + 1 })}
                        placeholder={t('funnels.answerPlaceholder')}
                        autoSize={{ minRows: 1, maxRows: 6 }}
                      />
                    </Form.Item>
                  </Flex>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    aria-label={t('funnels.removeObjectionN', { n: index + 1 })}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
              ))}
              <AddButton onClick={() => add({ objection: '', answer: '' })}>
                {t('funnels.addObjection')}
              </AddButton>
            </Flex>
          )}
        </Form.List>
      </Section>
    </>
  );
}

function Section({ title, hint, children }: { title: string; hint: string; children: ReactNode }) {
  return (
    <>
      <Divider titlePlacement="start" style={{ marginBlock: '8px 4px' }}>
        {title}
      </Divider>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {hint}
      </Typography.Paragraph>
      {children}
    </>
  );
}

function AddButton({ onClick, children }: { onClick: () => void; children: ReactNode }) {
  return (
    <Button
      type="dashed"
      size="small"
      icon={<PlusOutlined />}
      onClick={onClick}
      style={{ alignSelf: 'flex-start' }}
    >
      {children}
    </Button>
  );
}
