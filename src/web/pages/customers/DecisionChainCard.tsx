import ArrowUpOutlined from '@ant-design/icons/es/icons/ArrowUpOutlined';
import CrownOutlined from '@ant-design/icons/es/icons/CrownOutlined';
import { Alert, Card, Flex, Tag, Typography, theme } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactRole } from '../../../domain/vocabulary';
import type { DecisionChain } from '../../api/types';
import { ErrorState, ListSkeleton } from '../../components/PageStates';
import { useArchiveLabels } from '../../lib/archiveLabels';
import { useDecisionChain } from './api';

type Member = DecisionChain['unassigned'][number];
type Group = DecisionChain['groups'][number];

const ROLE_COLORS: Record<ContactRole, string> = {
  decision_maker: 'red',
  approver: 'volcano',
  champion: 'green',
  influencer: 'blue',
  technical_evaluator: 'geekblue',
  user: 'cyan',
  gatekeeper: 'purple',
};

export const roleColor = (role: ContactRole) => ROLE_COLORS[role];

/** Who decides on top, who influences them below, who uses and guards the door at the bottom. */
const TIERS: { key: string; roles: ContactRole[] }[] = [
  { key: 'decide', roles: ['decision_maker', 'approver'] },
  { key: 'influence', roles: ['champion', 'influencer', 'technical_evaluator'] },
  { key: 'use', roles: ['user', 'gatekeeper'] },
];

function Weight({ weight }: { weight: number | null }) {
  const { t } = useTranslation();
  if (weight === null) return null;
  return (
    <span
      role="img"
      aria-label={t('contacts.weightOf', { weight })}
      title={t('contacts.weightOf', { weight })}
      style={{ letterSpacing: 1, fontSize: 10, color: '#faad14' }}
    >
      {'●'.repeat(weight)}
      <span style={{ color: 'rgba(0,0,0,0.15)' }}>{'●'.repeat(5 - weight)}</span>
    </span>
  );
}

function Person({ member }: { member: Member }) {
  return (
    <Flex vertical style={{ minWidth: 0 }}>
      <Flex gap={4} align="center" wrap>
        <Typography.Text strong>{member.name}</Typography.Text>
        <Weight weight={member.decisionWeight} />
      </Flex>
      {member.title && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
          {member.title}
        </Typography.Text>
      )}
    </Flex>
  );
}

function RoleBox({ group }: { group: Group }) {
  const labels = useArchiveLabels();
  const { token } = theme.useToken();
  const empty = group.contacts.length === 0;
  return (
    <section
      aria-label={labels.contactRole(group.role)}
      style={{
        flex: '1 1 140px',
        minWidth: 0,
        border: `1px ${empty ? 'dashed' : 'solid'} ${token.colorBorder}`,
        borderRadius: token.borderRadius,
        padding: 8,
        background: empty ? undefined : token.colorFillQuaternary,
      }}
    >
      <Flex justify="space-between" align="center" style={{ marginBottom: empty ? 0 : 6 }}>
        <Tag color={ROLE_COLORS[group.role]} style={{ marginInlineEnd: 0 }}>
          {group.role === 'decision_maker' && <CrownOutlined />} {labels.contactRole(group.role)}
        </Tag>
        {!empty && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            Σ {group.totalWeight}
          </Typography.Text>
        )}
      </Flex>
      <Flex vertical gap={6}>
        {group.contacts.map((member) => (
          <Person key={member.id} member={member} />
        ))}
      </Flex>
    </section>
  );
}

/** 决策链: the contacts by role, drawn from who decides to who influences, with its warnings. */
export function DecisionChainCard({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const chain = useDecisionChain(customerId);

  let body: ReactNode;
  if (chain.isPending) body = <ListSkeleton rows={4} />;
  else if (chain.isError)
    body = <ErrorState error={chain.error} onRetry={() => void chain.refetch()} />;
  else {
    const { groups, unassigned, warnings } = chain.data;
    const byRole = new Map(groups.map((group) => [group.role, group]));
    const tiers = TIERS.map((tier) => ({
      ...tier,
      // The decision maker's box stays even when empty: the gap is the point.
      groups: tier.roles
        .map((role) => byRole.get(role))
        .filter(
          (group): group is Group =>
            group !== undefined && (group.contacts.length > 0 || group.role === 'decision_maker'),
        ),
    })).filter((tier) => tier.groups.length > 0);

    body = (
      <Flex vertical gap={8}>
        {warnings.includes('no_contacts') ? (
          <Alert type="info" showIcon title={t('contacts.chain.noContacts')} />
        ) : (
          warnings.includes('no_decision_maker') && (
            <Alert type="warning" showIcon title={t('contacts.chain.noDecisionMaker')} />
          )
        )}
        {!warnings.includes('no_contacts') &&
          tiers.map((tier, index) => (
            <Flex key={tier.key} vertical gap={6}>
              {index > 0 && (
                <Typography.Text type="secondary" style={{ fontSize: 12, textAlign: 'center' }}>
                  <ArrowUpOutlined /> {t('contacts.chain.influences')}
                </Typography.Text>
              )}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {tier.key === 'decide'
                  ? t('contacts.chain.tierDecide')
                  : tier.key === 'influence'
                    ? t('contacts.chain.tierInfluence')
                    : t('contacts.chain.tierUse')}
              </Typography.Text>
              <Flex gap={8} wrap>
                {tier.groups.map((group) => (
                  <RoleBox key={group.role} group={group} />
                ))}
              </Flex>
            </Flex>
          ))}
        {unassigned.length > 0 && (
          <Flex vertical gap={6}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('contacts.chain.unassigned')}
            </Typography.Text>
            <Flex gap={12} wrap>
              {unassigned.map((member) => (
                <Person key={member.id} member={member} />
              ))}
            </Flex>
          </Flex>
        )}
      </Flex>
    );
  }

  return (
    <Card size="small" title={t('contacts.chain.title')}>
      {body}
    </Card>
  );
}
