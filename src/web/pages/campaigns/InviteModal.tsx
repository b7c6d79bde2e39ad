import { Alert, App, Form, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../lib/errors';
import { useDebounced } from '../../lib/useDebounced';
import { useInvite, useInviteSearch } from './api';

/** Picks customers (among those the caller may see) to invite; already invited ones are skipped. */
export function InviteModal(props: { campaignId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [search, setSearch] = useState('');
  const customers = useInviteSearch(useDebounced(search, 300));
  const invite = useInvite(props.campaignId);
  const [chosen, setChosen] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);

  async function submit() {
    if (chosen.length === 0) {
      setProblem(t('campaigns.chooseCustomers'));
      return;
    }
    try {
      const result = await invite.mutateAsync({
        invitees: chosen.map((customerId) => ({ customerId })),
      });
      message.success(t('campaigns.invited', { count: result.added }));
      props.onClose();
    } catch (error) {
      setProblem(describeError(t, error));
    }
  }

  return (
    <Modal
      open
      title={t('campaigns.invite')}
      okText={t('campaigns.inviteOk')}
      okButtonProps={{ loading: invite.isPending }}
      onOk={() => void submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form layout="vertical">
        <Form.Item label={t('campaigns.customers')} extra={t('campaigns.inviteHint')}>
          <Select
            mode="multiple"
            aria-label={t('campaigns.customers')}
            autoFocus
            value={chosen}
            onChange={setChosen}
            showSearch={{ filterOption: false, onSearch: setSearch }}
            loading={customers.isFetching}
            placeholder={t('campaigns.customerSearch')}
            notFoundContent={customers.isFetching ? null : t('campaigns.noCustomers')}
            options={(customers.data ?? []).map((customer) => ({
              value: customer.id,
              label: customer.city ? `${customer.name} · ${customer.city}` : customer.name,
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
