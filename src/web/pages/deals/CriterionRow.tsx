import { App, Button, Checkbox, Flex, Input, Segmented, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnmetItem } from '../../api/types';
import { currentLocale } from '../../i18n';
import { describeError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { activityTypeLabel } from '../funnels/labels';
import { type StageSubject, useSetCheck, useSubjectActivities } from './stageApi';

type EvidenceKind = 'note' | 'url' | 'activity';

/** One entry criterion to tick (清单制), optionally with evidence: a note, a link or a follow-up. */
export function CriterionRow(props: {
  subject: StageSubject;
  item: Pick<UnmetItem, 'id' | 'label' | 'stageKey'>;
  met: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const setCheck = useSetCheck();
  const [evidenceOpen, setEvidenceOpen] = useState(false);
  const [kind, setKind] = useState<EvidenceKind>('note');
  const [note, setNote] = useState('');
  const [url, setUrl] = useState('');
  const [activityId, setActivityId] = useState<string | undefined>();
  // The tick shows at once and stays until the reloaded gate agrees.
  const [optimistic, setOptimistic] = useState<boolean | null>(null);
  useEffect(() => {
    if (optimistic !== null && props.met === optimistic) setOptimistic(null);
  }, [props.met, optimistic]);
  const checked = optimistic ?? props.met;

  function evidence() {
    if (!evidenceOpen) return undefined;
    if (kind === 'note' && note.trim()) return { note: note.trim() };
    if (kind === 'url' && url.trim()) return { url: url.trim() };
    if (kind === 'activity' && activityId) return { activityId };
    return undefined;
  }

  async function toggle(next: boolean) {
    setOptimistic(next);
    try {
      await setCheck.mutateAsync({
        subject: props.subject,
        stageKey: props.item.stageKey,
        itemId: props.item.id,
        checked: next,
        evidence: next ? evidence() : undefined,
      });
      if (next) setEvidenceOpen(false);
    } catch (error) {
      setOptimistic(null);
      message.error(describeError(t, error));
    }
  }

  return (
    <Flex vertical gap={6}>
      <Flex gap={8} align="start" justify="space-between">
        <Checkbox checked={checked} onChange={(event) => void toggle(event.target.checked)}>
          {props.item.label}
        </Checkbox>
        {!checked && (
          <Button
            type="link"
            size="small"
            style={{ flexShrink: 0 }}
            aria-expanded={evidenceOpen}
            onClick={() => setEvidenceOpen((open) => !open)}
          >
            {t('deals.evidence.add')}
          </Button>
        )}
      </Flex>
      {evidenceOpen && !checked && (
        <Flex vertical gap={6} style={{ marginInlineStart: 24 }}>
          <Segmented<EvidenceKind>
            size="small"
            value={kind}
            onChange={setKind}
            options={[
              { value: 'note', label: t('deals.evidence.note') },
              { value: 'url', label: t('deals.evidence.url') },
              { value: 'activity', label: t('deals.evidence.activity') },
            ]}
          />
          {kind === 'note' && (
            <Input.TextArea
              aria-label={t('deals.evidence.note')}
              autoSize={{ minRows: 1, maxRows: 4 }}
              maxLength={2000}
              value={note}
              onChange={(event) => setNote(event.target.value)}
            />
          )}
          {kind === 'url' && (
            <Input
              aria-label={t('deals.evidence.url')}
              placeholder="https://"
              inputMode="url"
              value={url}
              onChange={(event) => setUrl(event.target.value)}
            />
          )}
          {kind === 'activity' && (
            <ActivityPicker subject={props.subject} value={activityId} onChange={setActivityId} />
          )}
          <span style={{ color: 'rgba(0,0,0,0.45)' }}>{t('deals.evidence.hint')}</span>
        </Flex>
      )}
    </Flex>
  );
}

function ActivityPicker(props: {
  subject: StageSubject;
  value: string | undefined;
  onChange: (id: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const activities = useSubjectActivities(props.subject);
  // A deal's tick cites one of its own follow-ups; a lifecycle tick any of the customer's.
  const onDeal = props.subject.dealId !== null;
  const locale = currentLocale();
  return (
    <Select
      aria-label={t('deals.evidence.activity')}
      allowClear
      loading={activities.isPending}
      placeholder={onDeal ? t('deals.evidence.pickActivity') : t('lifecycle.evidence.pickActivity')}
      notFoundContent={
        onDeal ? t('deals.evidence.noActivities') : t('lifecycle.evidence.noActivities')
      }
      value={props.value}
      onChange={props.onChange}
      options={(activities.data ?? []).map((activity) => ({
        value: activity.id,
        label: `${formatDateTime(activity.occurredAt, locale)} · ${activityTypeLabel(t, activity.type)} · ${activity.summary}`,
      }))}
    />
  );
}
