import { Col, DatePicker, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CustomFieldDef, SourceChannel, User } from '../../api/types';

const half = { xs: 24, sm: 12 };

/** The archive fields of SPEC §2 as form items; the owner only when the user may choose one. */
export function CustomerFields(props: {
  channels: SourceChannel[];
  customFields: CustomFieldDef[];
  /** Offered as owners when creating (managers and admins); absent: no owner field. */
  owners?: User[];
  /** The stored source when it is no longer an active channel, so editing keeps it. */
  currentSource?: string | null;
}) {
  const { t } = useTranslation();
  const max = (n: number) => ({ max: n, message: t('validation.maxLength', { max: n }) });
  const sources = props.channels.map((channel) => channel.name);
  if (props.currentSource && !sources.includes(props.currentSource)) {
    sources.push(props.currentSource);
  }

  return (
    <Row gutter={16}>
      <Col span={24}>
        <Form.Item
          name="name"
          label={t('customers.fields.name')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            max(200),
          ]}
        >
          <Input autoComplete="off" autoFocus />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="phone" label={t('customers.fields.phone')} rules={[max(50)]}>
          <Input inputMode="tel" autoComplete="off" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item
          name="email"
          label={t('customers.fields.email')}
          rules={[{ type: 'email', message: t('validation.email') }, max(200)]}
        >
          <Input inputMode="email" autoComplete="off" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="website" label={t('customers.fields.website')} rules={[max(300)]}>
          <Input autoComplete="off" placeholder="example.com" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="source" label={t('customers.fields.source')}>
          <Select
            allowClear
            options={sources.map((name) => ({ value: name, label: name }))}
            notFoundContent={t('customers.noChannels')}
          />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="industry" label={t('customers.fields.industry')} rules={[max(100)]}>
          <Input autoComplete="off" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="headcount" label={t('customers.fields.headcount')}>
          <InputNumber min={0} max={10_000_000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={12} sm={8}>
        <Form.Item name="country" label={t('customers.fields.country')} rules={[max(100)]}>
          <Input autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={12} sm={8}>
        <Form.Item name="province" label={t('customers.fields.province')} rules={[max(50)]}>
          <Input autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={8}>
        <Form.Item name="city" label={t('customers.fields.city')} rules={[max(50)]}>
          <Input autoComplete="off" />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="address" label={t('customers.fields.address')} rules={[max(300)]}>
          <Input autoComplete="off" />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="tags" label={t('customers.fields.tags')} extra={t('customers.tagsHint')}>
          <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，']} />
        </Form.Item>
      </Col>
      {props.owners && (
        <Col span={24}>
          <Form.Item
            name="ownerId"
            label={t('customers.fields.owner')}
            extra={t('customers.ownerHint')}
          >
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('customers.pool')}
              options={props.owners.map((user) => ({ value: user.id, label: user.name }))}
            />
          </Form.Item>
        </Col>
      )}
      {props.customFields.map((field) => (
        <Col key={field.id} {...half}>
          <CustomFieldItem field={field} />
        </Col>
      ))}
    </Row>
  );
}

function CustomFieldItem({ field }: { field: CustomFieldDef }) {
  const name = ['custom', field.key];
  switch (field.type) {
    case 'number':
      return (
        <Form.Item name={name} label={field.label}>
          <InputNumber style={{ width: '100%' }} />
        </Form.Item>
      );
    case 'boolean':
      return (
        <Form.Item name={name} label={field.label} valuePropName="checked">
          <Switch />
        </Form.Item>
      );
    case 'date':
      return (
        <Form.Item
          name={name}
          label={field.label}
          getValueProps={(value: string | null | undefined) => ({
            value: value ? dayjs(value) : undefined,
          })}
          normalize={(value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : null)}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      );
    case 'select':
      return (
        <Form.Item name={name} label={field.label}>
          <Select
            allowClear
            options={field.options.map((option) => ({ value: option, label: option }))}
          />
        </Form.Item>
      );
    default:
      return (
        <Form.Item name={name} label={field.label}>
          <Input autoComplete="off" maxLength={2000} />
        </Form.Item>
      );
  }
}
