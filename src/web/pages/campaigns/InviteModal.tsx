import { Alert, App, Form, Modal, Select } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../lib/errors';
import { useDebounced } from '../../lib/useDebounced';
import { useContactsOf, useInvite, useInviteSearch } from './api';

/**
 * Picks customers (among those the caller may see) to invite and, optionally, some of their
 * contacts: a customer with contacts chosen is invited through those people, one without as
 * the company. Already invited ones are skipped by the server.
 */
export function InviteModal(props: { campaignId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [search, setSearch] = useState('');
  const customers = useInviteSearch(useDebounced(search, 300));
  const invite = useInvite(props.campaignId);
  const [chosen, setChosen] = useState<string[]>([]);
  const [chosenContacts, setChosenContacts] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  // Names of customers seen in any search, so a chosen one keeps its label as the search moves.
  const names = useRef(new Map<string, string>());
  for (const customer of customers.data ?? []) names.current.set(customer.id, customer.name);
  const contacts = useContactsOf(chosen);
  const contactCustomer = new Map<string, string>();
  for (const [customerId, list] of contacts.byCustomer) {
    for (const contact of list) contactCustomer.set(contact.id, customerId);
  }

  function chooseCustomers(next: string[]) {
    setChosen(next);
    // Contacts of a customer taken off the list go with it.
    setChosenContacts((current) =>
      current.filter((id) => next.includes(contactCustomer.get(id) ?? '')),
    );
  }

  async function submit() {
    if (chosen.length === 0) {
      setProblem(t('campaigns.chooseCustomers'));
      return;
    }
    const invitees = chosen.flatMap((customerId) => {
      const people = chosenContacts.filter((id) => contactCustomer.get(id) === customerId);
      return people.length > 0
        ? people.map((contactId) => ({ customerId, contactId }))
        : [{ customerId }];
    });
    try {
      const result = await invite.mutateAsync({ invitees });
      message.success(t('campaigns.invited', { count: result.added }));
      props.onClose();
    } catch (error) {
      setProblem(describeError(t, error));
    }
  }

  const contactGroups = chosen
    .map((customerId) => ({
      label: names.current.get(customerId) ?? '',
      title: names.current.get(customerId) ?? '',
      options: (contacts.byCustomer.get(customerId) ?? []).map((contact) => ({
        value: contact.id,
        label: contact.title ? `${contact.name} · ${contact.title}` : contact.name,
      })),
    }))
    .filter((group) => group.options.length > 0);

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
            onChange={chooseCustomers}
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
        <Form.Item label={t('campaigns.inviteContacts')} extra={t('campaigns.inviteContactsHint')}>
          <Select
            mode="multiple"
            aria-label={t('campaigns.inviteContacts')}
            disabled={chosen.length === 0}
            value={chosenContacts}
            onChange={setChosenContacts}
            loading={contacts.loading}
            placeholder={
              chosen.length === 0
                ? t('campaigns.contactsAfterCustomers')
                : t('campaigns.contactsPlaceholder')
            }
            notFoundContent={contacts.loading ? null : t('campaigns.noContacts')}
            optionFilterProp="label"
            options={contactGroups}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
