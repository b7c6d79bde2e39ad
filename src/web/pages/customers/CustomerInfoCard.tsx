import { Card, Descriptions, type DescriptionsProps, Flex, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../domain/format';
import type { Customer, CustomFieldDef } from '../../api/types';
import { currentLocale } from '../../i18n';
import { formatDateTime, formatDayOf, formatRelative } from '../../lib/format';
import { useTeams } from '../settings/api';
import { useCustomFieldDefs } from '../settings/archive/api';

const dash = (value: ReactNode) => value ?? '—';

function customValue(field: CustomFieldDef | undefined, value: unknown, yes: string, no: string) {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? yes : no;
  if (field?.type === 'date' && typeof value === 'string') {
    try {
      return formatDate(value, currentLocale());
    } catch {
      return value;
    }
  }
  return String(value);
}

/** The archive fields (客户档案) as read-only descriptions; editing happens in the form. */
export function CustomerInfoCard({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const teams = useTeams();
  const fields = useCustomFieldDefs(true);
  const teamName = teams.data?.find((team) => team.id === customer.teamId)?.name;
  const website = customer.website
    ? /^https?:\/\//i.test(customer.website)
      ? customer.website
      : `https://${customer.website}`
    : null;
  const overdue =
    customer.nextFollowUpAt !== null && new Date(customer.nextFollowUpAt).getTime() < Date.now();

  const items: DescriptionsProps['items'] = [
    {
      key: 'owner',
      label: t('customers.fields.owner'),
      children:
        customer.inPool || !customer.ownerName ? (
          <Tag color="cyan">{t('customers.pool')}</Tag>
        ) : (
          customer.ownerName
        ),
    },
    { key: 'team', label: t('customers.fields.team'), children: dash(teamName) },
    { key: 'source', label: t('customers.fields.source'), children: dash(customer.source) },
    { key: 'industry', label: t('customers.fields.industry'), children: dash(customer.industry) },
    {
      key: 'headcount',
      label: t('customers.fields.headcount'),
      children: customer.headcount === null ? '—' : customer.headcount.toLocaleString(locale),
    },
    {
      key: 'region',
      label: t('customers.fields.region'),
      children:
        [customer.country, customer.province, customer.city].filter(Boolean).join(' · ') || '—',
    },
    {
      key: 'phone',
      label: t('customers.fields.phone'),
      children: customer.phone ? <a href={`tel:${customer.phone}`}>{customer.phone}</a> : '—',
    },
    {
      key: 'email',
      label: t('customers.fields.email'),
      children: customer.email ? <a href={`mailto:${customer.email}`}>{customer.email}</a> : '—',
    },
    {
      key: 'website',
      label: t('customers.fields.website'),
      children: website ? (
        <a href={website} target="_blank" rel="noreferrer noopener">
          {customer.website}
        </a>
      ) : (
        '—'
      ),
    },
    {
      key: 'score',
      label: t('customers.fields.score'),
      children: customer.score === null ? '—' : customer.score,
    },
    {
      key: 'lastContactAt',
      label: t('customers.fields.lastContactAt'),
      children: customer.lastContactAt ? (
        <Tooltip title={formatDateTime(customer.lastContactAt, locale)}>
          {formatRelative(customer.lastContactAt, locale)}
        </Tooltip>
      ) : (
        t('customers.neverContacted')
      ),
    },
    {
      key: 'nextFollowUpAt',
      label: t('customers.fields.nextFollowUpAt'),
      children: customer.nextFollowUpAt ? (
        <Tooltip title={formatDateTime(customer.nextFollowUpAt, locale)}>
          <Typography.Text type={overdue ? 'danger' : undefined}>
            {formatDayOf(customer.nextFollowUpAt, locale)}
          </Typography.Text>
        </Tooltip>
      ) : (
        '—'
      ),
    },
    {
      key: 'address',
      label: t('customers.fields.address'),
      span: 'filled',
      children: dash(customer.address),
    },
    {
      key: 'tags',
      label: t('customers.fields.tags'),
      span: 'filled',
      children: customer.tags.length ? (
        <Flex gap={4} wrap>
          {customer.tags.map((tag) => (
            <Tag key={tag} style={{ marginInlineEnd: 0 }}>
              {tag}
            </Tag>
          ))}
        </Flex>
      ) : (
        '—'
      ),
    },
  ];
  // Active fields always; a deactivated one only while the customer still has a value in it.
  for (const field of fields.data ?? []) {
    const value = customer.custom[field.key];
    if (!field.active && (value === undefined || value === null)) continue;
    items.push({
      key: `custom.${field.key}`,
      // An org's labels can be whole sentences (seed 001's criteria): they wrap within their
      // column instead of pushing the third column out of the card.
      label: (
        <span style={{ whiteSpace: 'normal', display: 'inline-block', maxWidth: '12em' }}>
          {field.label}
        </span>
      ),
      children: customValue(field, value, t('common.yes'), t('common.no')),
    });
  }

  return (
    <Card title={t('customers.archiveTitle')} size="small">
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={items}
        styles={{ label: { whiteSpace: 'nowrap' } }}
      />
    </Card>
  );
}
