import CheckCircleFilled from '@ant-design/icons/es/icons/CheckCircleFilled';
import ClockCircleOutlined from '@ant-design/icons/es/icons/ClockCircleOutlined';
import { Button, Flex, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FunnelStage, UnmetItem } from '../../api/types';
import {
  activityTypeLabel,
  contactRoleLabel,
  documentKindLabel,
  factFieldLabel,
} from '../funnels/labels';
import { DocumentDialog } from './DocumentDialog';
import { DEAL_FIELDS, FieldDialog } from './FieldDialog';
import { FollowUpDialog } from './FollowUpDialog';
import type { StageSubject } from './stageApi';

type KeyAction = FunnelStage['keyActions'][number];

/** What counts towards a key action, in words: 电话、拜访 · 仅有效沟通 · 最近 30 天. */
export function keyActionRule(t: TFunction, action: KeyAction): string {
  const parts: string[] = [];
  if (action.kind === 'activity') {
    parts.push(
      action.activityTypes?.length
        ? action.activityTypes
            .map((type) => activityTypeLabel(t, type))
            .join(t('deals.listSeparator'))
        : t('funnels.anyActivityType'),
    );
    if (action.effectiveOnly) parts.push(t('funnels.effectiveOnly'));
    if (action.contactRoles?.length) {
      parts.push(
        t('deals.withContact', {
          roles: action.contactRoles
            .map((role) => contactRoleLabel(t, role))
            .join(t('deals.listSeparator')),
        }),
      );
    }
  } else if (action.kind === 'document') {
    parts.push(documentKindLabel(t, action.documentKind));
  } else {
    parts.push(
      DEAL_FIELDS.has(action.field)
        ? t('deals.fieldRuleDeal', { field: factFieldLabel(t, action.field) })
        : t('deals.fieldRuleCustomer', { field: factFieldLabel(t, action.field) }),
    );
  }
  if (action.kind !== 'field') {
    parts.push(
      action.windowDays
        ? t('deals.lastDays', { days: action.windowDays })
        : t('deals.sinceStageEntered'),
    );
  }
  return parts.join(' · ');
}

/** A key action of a refused move with its count (2/3) and the way to do what it still lacks. */
export function KeyActionRow(props: {
  subject: StageSubject;
  item: UnmetItem;
  action: KeyAction | undefined;
  met: boolean;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const { subject, item, action, met } = props;
  const need = item.need ?? action?.minCount ?? 1;
  const have = met ? Math.max(need, item.have ?? 0) : (item.have ?? 0);

  let button: string | null = null;
  if (action?.kind === 'activity') button = t('deals.logFollowUp');
  // Documents hang on a deal; the lifecycle counts those of the customer's deals.
  else if (action?.kind === 'document' && subject.dealId) button = t('deals.addDocument');
  else if (
    action?.kind === 'field' &&
    !action.field.startsWith('custom.') &&
    (subject.dealId || !DEAL_FIELDS.has(action.field))
  )
    button = t('deals.fillIn');

  return (
    <Flex vertical gap={2}>
      <Flex gap={8} align="center" justify="space-between" wrap>
        <Flex gap={8} align="center" style={{ minWidth: 0, flex: 1 }}>
          {met ? (
            <CheckCircleFilled style={{ color: '#52c41a' }} />
          ) : (
            <ClockCircleOutlined style={{ color: '#fa8c16' }} />
          )}
          <Typography.Text>{item.label}</Typography.Text>
        </Flex>
        <Flex gap={8} align="center">
          <Tag
            color={met ? 'success' : 'warning'}
            aria-label={t('deals.progressOf', { have, need })}
            style={{ marginInlineEnd: 0 }}
          >
            {have}/{need}
          </Tag>
          {button && !met && (
            <Button size="small" onClick={() => setOpen(true)}>
              {button}
            </Button>
          )}
        </Flex>
      </Flex>
      {action && (
        <Typography.Text type="secondary" style={{ marginInlineStart: 22, fontSize: 12 }}>
          {keyActionRule(t, action)}
        </Typography.Text>
      )}
      {open && action?.kind === 'activity' && (
        <FollowUpDialog subject={subject} action={action} onClose={() => setOpen(false)} />
      )}
      {open && action?.kind === 'document' && subject.dealId && (
        <DocumentDialog
          dealId={subject.dealId}
          kind={action.documentKind}
          onClose={() => setOpen(false)}
        />
      )}
      {open && action?.kind === 'field' && (
        <FieldDialog
          subject={subject}
          field={action.field}
          label={item.label}
          onClose={() => setOpen(false)}
        />
      )}
    </Flex>
  );
}
