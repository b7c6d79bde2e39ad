import PlusOutlined from '@ant-design/icons/es/icons/PlusOutlined';
import { App, Button, Card, Flex, Popconfirm, Rate, Space, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../domain/format';
import type { Contact } from '../../api/types';
import { EmptyState, ErrorState, ListSkeleton } from '../../components/PageStates';
import { currentLocale } from '../../i18n';
import { useArchiveLabels } from '../../lib/archiveLabels';
import { describeError } from '../../lib/errors';
import { useContacts, useUpdateContact } from './api';
import { ContactFormModal } from './ContactFormModal';
import { roleColor } from './DecisionChainCard';

type Editing = { contact?: Contact } | null;

/** The customer's contacts, each with how to reach them and their place in the chain. */
export function ContactsCard(props: { customerId: string; editable: boolean }) {
  const { t } = useTranslation();
  const labels = useArchiveLabels();
  const { message } = App.useApp();
  const contacts = useContacts(props.customerId);
  const update = useUpdateContact();
  const [editing, setEditing] = useState<Editing>(null);
  const locale = currentLocale();

  const addButton = props.editable ? (
    <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing({})}>
      {t('contacts.create')}
    </Button>
  ) : null;

  async function remove(contact: Contact) {
    try {
      await update.mutateAsync({ id: contact.id, version: contact.version, archived: true });
      message.success(t('contacts.removed', { name: contact.name }));
    } catch (error) {
      message.error(describeError(t, error));
    }
  }

  let body: ReactNode;
  if (contacts.isPending) body = <ListSkeleton rows={3} />;
  else if (contacts.isError)
    body = <ErrorState error={contacts.error} onRetry={() => void contacts.refetch()} />;
  else if (contacts.data.length === 0)
    body = (
      <EmptyState
        description={props.editable ? t('contacts.empty') : t('contacts.emptyReadOnly')}
        action={addButton}
      />
    );
  else
    body = (
      <Flex vertical>
        {contacts.data.map((contact, index) => (
          <Flex
            key={contact.id}
            vertical
            gap={2}
            style={{
              paddingBlock: 10,
              borderTop: index === 0 ? undefined : '1px solid rgba(5, 5, 5, 0.06)',
            }}
          >
            <Flex justify="space-between" align="flex-start" gap={8}>
              <Space size={6} wrap>
                <Typography.Text strong>{contact.name}</Typography.Text>
                {contact.title && (
                  <Typography.Text type="secondary">{contact.title}</Typography.Text>
                )}
                {contact.isPrimary && <Tag color="blue">{t('contacts.primary')}</Tag>}
              </Space>
              {props.editable && (
                <Space size={0}>
                  <Button
                    type="link"
                    size="small"
                    aria-label={t('contacts.editNamed', { name: contact.name })}
                    onClick={() => setEditing({ contact })}
                  >
                    {t('common.edit')}
                  </Button>
                  <Popconfirm
                    title={t('contacts.removeConfirm', { name: contact.name })}
                    okText={t('contacts.remove')}
                    okButtonProps={{ danger: true }}
                    onConfirm={() => remove(contact)}
                  >
                    <Button type="link" size="small" danger>
                      {t('contacts.remove')}
                    </Button>
                  </Popconfirm>
                </Space>
              )}
            </Flex>
            <Space size={6} wrap>
              {contact.role ? (
                <Tag color={roleColor(contact.role)} style={{ marginInlineEnd: 0 }}>
                  {labels.contactRole(contact.role)}
                </Tag>
              ) : (
                <Tag style={{ marginInlineEnd: 0 }}>{t('contacts.roleUnknown')}</Tag>
              )}
              {contact.decisionWeight !== null && (
                <span
                  role="img"
                  aria-label={t('contacts.weightOf', { weight: contact.decisionWeight })}
                  title={t('contacts.weightOf', { weight: contact.decisionWeight })}
                >
                  <Rate disabled value={contact.decisionWeight} style={{ fontSize: 12 }} />
                </span>
              )}
            </Space>
            <Space size={[12, 0]} wrap style={{ fontSize: 13 }}>
              {contact.mobile && <a href={`tel:${contact.mobile}`}>{contact.mobile}</a>}
              {contact.phone && <a href={`tel:${contact.phone}`}>{contact.phone}</a>}
              {contact.email && <a href={`mailto:${contact.email}`}>{contact.email}</a>}
              {contact.wechat && (
                <span>
                  {t('contacts.fields.wechat')}: {contact.wechat}
                </span>
              )}
              {contact.whatsapp && (
                <span>
                  {t('contacts.fields.whatsapp')}: {contact.whatsapp}
                </span>
              )}
            </Space>
            {(contact.birthday || contact.personalStyle || contact.interests) && (
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {[
                  contact.birthday &&
                    `${t('contacts.fields.birthday')}: ${formatDate(contact.birthday, locale)}`,
                  contact.personalStyle &&
                    `${t('contacts.fields.personalStyle')}: ${contact.personalStyle}`,
                  contact.interests && `${t('contacts.fields.interests')}: ${contact.interests}`,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Typography.Text>
            )}
          </Flex>
        ))}
      </Flex>
    );

  return (
    <Card
      size="small"
      title={t('contacts.title', { count: contacts.data?.length ?? 0 })}
      extra={contacts.data?.length ? addButton : null}
    >
      {body}
      {editing && (
        <ContactFormModal
          customerId={props.customerId}
          contact={editing.contact}
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  );
}
