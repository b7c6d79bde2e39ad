import { Alert, App, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CAMPAIGN_TYPES, type CampaignType } from '../../../domain/campaigns/campaignTypes';
import { ApiError } from '../../api/client';
import { useCurrentUser } from '../../components/CurrentUser';
import { showServerErrors } from '../../lib/errors';
import { useUsers } from '../settings/api';
import { useSourceChannels } from '../settings/archive/api';
import { type Campaign, useSaveCampaign } from './api';
import { campaignTypeLabel } from './labels';

interface Values {
  type: CampaignType;
  name: string;
  startsOn: string;
  endsOn: string;
  place?: string;
  ownerId: string;
  cost?: number | null;
  source?: string | null;
  notes?: string;
}

const FIELDS = [
  'type',
  'name',
  'startsOn',
  'endsOn',
  'place',
  'ownerId',
  'cost',
  'source',
  'notes',
];

const asDay = {
  getValueProps: (value: string | null | undefined) => ({
    value: value ? dayjs(value) : undefined,
  }),
  normalize: (value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : null),
};

/** New or edited campaign (市场活动); the cost is typed in 元 and sent as a decimal string. */
export function CampaignFormModal(props: {
  campaign?: Campaign;
  onClose: (saved?: Campaign) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const save = useSaveCampaign();
  const channels = useSourceChannels();
  const users = useUsers();
  const [problem, setProblem] = useState<string | null>(null);
  const editing = props.campaign;

  async function onFinish(values: Values) {
    setProblem(null);
    const body = {
      type: values.type,
      name: values.name.trim(),
      startsOn: values.startsOn,
      endsOn: values.endsOn,
      place: values.place?.trim() || null,
      ownerId: values.ownerId,
      // InputNumber keeps the typed text exact with stringMode.
      cost: values.cost === undefined || values.cost === null ? null : String(values.cost),
      source: values.source || null,
      notes: values.notes?.trim() || null,
    };
    try {
      const saved = await save.mutateAsync(
        editing ? { id: editing.id, body: { ...body, version: editing.version } } : { body },
      );
      message.success(t(editing ? 'campaigns.saved' : 'campaigns.created', { name: saved.name }));
      props.onClose(saved);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'version_conflict') {
        setProblem(t('errors.versionConflict'));
        return;
      }
      const said = showServerErrors(t, form, FIELDS, error);
      if (said) setProblem(said);
    }
  }

  const half = { xs: 24, sm: 12 };
  const initial: Partial<Values> = editing
    ? {
        type: editing.type,
        name: editing.name,
        startsOn: editing.startsOn,
        endsOn: editing.endsOn,
        place: editing.place ?? '',
        ownerId: editing.ownerId,
        cost: editing.cost,
        source: editing.source,
        notes: editing.notes ?? '',
      }
    : { type: 'seminar', ownerId: me.id };
  return (
    <Modal
      open
      width={640}
      title={editing ? t('campaigns.edit') : t('campaigns.create')}
      okText={editing ? t('common.save') : t('common.create')}
      okButtonProps={{ htmlType: 'submit', loading: save.isPending }}
      onCancel={() => props.onClose()}
      destroyOnHidden
      modalRender={(dom) => (
        <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={onFinish}>
          {dom}
        </Form>
      )}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Row gutter={16}>
        <Col xs={24}>
          <Form.Item
            name="name"
            label={t('campaigns.fields.name')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
          >
            <Input autoComplete="off" autoFocus maxLength={200} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="type" label={t('campaigns.fields.type')} rules={[{ required: true }]}>
            <Select
              options={CAMPAIGN_TYPES.map((type) => ({
                value: type,
                label: campaignTypeLabel(t, type),
              }))}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="ownerId"
            label={t('campaigns.fields.owner')}
            rules={[{ required: true }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={users.isPending}
              options={(users.data ?? [])
                .filter((user) => user.active)
                .map((user) => ({ value: user.id, label: user.name }))}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="startsOn"
            label={t('campaigns.fields.startsOn')}
            rules={[{ required: true, message: t('validation.required') }]}
            {...asDay}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="endsOn"
            label={t('campaigns.fields.endsOn')}
            dependencies={['startsOn']}
            rules={[
              { required: true, message: t('validation.required') },
              ({ getFieldValue }) => ({
                validator: (_rule, value: string | null) =>
                  !value || !getFieldValue('startsOn') || value >= getFieldValue('startsOn')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('campaigns.endsBeforeStart'))),
              }),
            ]}
            {...asDay}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="place" label={t('campaigns.fields.place')}>
            <Input autoComplete="off" maxLength={300} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="cost" label={t('campaigns.fields.cost')}>
            <InputNumber<number>
              style={{ width: '100%' }}
              min={0}
              precision={2}
              prefix="¥"
              aria-label={t('campaigns.fields.cost')}
            />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="source" label={t('campaigns.fields.source')}>
            <Select
              allowClear
              options={(channels.data ?? []).map((channel) => ({
                value: channel.name,
                label: channel.name,
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="notes" label={t('campaigns.fields.notes')}>
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
        </Col>
      </Row>
    </Modal>
  );
}
