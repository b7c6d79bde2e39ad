import { Empty, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Checklist, ChecklistItem, DealDetail } from '../../api/types';
import { currentLocale } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { CriterionRow } from './CriterionRow';
import { KeyActionRow } from './KeyActionRow';
import { type StageSubject, subjectOfDeal } from './stageApi';

/** The deal's gate work: key actions of its stage (2/3) and the checklists to enter and to go on. */
export function DealChecklist({ deal }: { deal: DealDetail }) {
  const { t } = useTranslation();
  const open = deal.status === 'open';
  return (
    <Flex vertical gap={20}>
      {open && (
        <section aria-label={t('deals.detail.keyActions', { stage: deal.stageName })}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('deals.detail.keyActions', { stage: deal.stageName })}
          </Typography.Title>
          {deal.keyActions.length === 0 ? (
            <Typography.Text type="secondary">{t('deals.detail.noKeyActions')}</Typography.Text>
          ) : (
            <Flex vertical gap={8}>
              {deal.keyActions.map((progress) => (
                <KeyActionRow
                  key={progress.id}
                  subject={subjectOfDeal(deal)}
                  item={{
                    kind: 'keyAction',
                    stageKey: deal.stageKey,
                    id: progress.id,
                    label: progress.label,
                    have: progress.have,
                    need: progress.need,
                  }}
                  action={deal.stage.keyActions.find((action) => action.id === progress.id)}
                  met={progress.met}
                />
              ))}
            </Flex>
          )}
        </section>
      )}
      {deal.checklist.next && (
        <ChecklistSection
          subject={subjectOfDeal(deal)}
          checklist={deal.checklist.next}
          title={t('deals.detail.nextChecklist', { stage: deal.checklist.next.stageName })}
          editable
        />
      )}
      <ChecklistSection
        subject={subjectOfDeal(deal)}
        checklist={deal.checklist.current}
        title={t('deals.detail.currentChecklist', { stage: deal.checklist.current.stageName })}
        editable={open}
      />
    </Flex>
  );
}

/** A stage's entry criteria: ticks with who, when and evidence (a deal's or a lifecycle's). */
export function ChecklistSection(props: {
  subject: StageSubject;
  checklist: Checklist;
  title: string;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const { checklist } = props;
  return (
    <section aria-label={props.title}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {props.title}
      </Typography.Title>
      {checklist.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('deals.detail.noCriteria')} />
      ) : (
        <Flex vertical gap={10}>
          {checklist.items.map((item) => (
            <Flex key={item.id} vertical gap={2}>
              {props.editable ? (
                <CriterionRow
                  subject={props.subject}
                  item={{ id: item.id, label: item.label, stageKey: checklist.stageKey }}
                  met={item.checked}
                />
              ) : (
                <Typography.Text delete={!item.checked}>{item.label}</Typography.Text>
              )}
              <Flex gap={6} wrap style={{ marginInlineStart: 24, fontSize: 12 }}>
                {!item.required && (
                  <Typography.Text type="secondary">{t('deals.detail.optional')}</Typography.Text>
                )}
                {item.checked && <CheckedBy item={item} />}
              </Flex>
            </Flex>
          ))}
        </Flex>
      )}
    </section>
  );
}

/** Who ticked it and when, with the evidence they gave. */
function CheckedBy({ item }: { item: ChecklistItem }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <>
      <Typography.Text type="secondary">
        {t('deals.detail.checkedBy', {
          name: item.checkedByName ?? '—',
          time: item.checkedAt ? formatDateTime(item.checkedAt, locale) : '—',
        })}
      </Typography.Text>
      {item.evidence?.note && (
        <Typography.Text>
          {t('deals.detail.evidenceNote', { note: item.evidence.note })}
        </Typography.Text>
      )}
      {item.evidence?.url && (
        <Typography.Link href={item.evidence.url} target="_blank" rel="noopener noreferrer">
          {t('deals.evidence.url')}
        </Typography.Link>
      )}
      {item.evidence?.activityId && (
        <Typography.Text>{t('deals.detail.evidenceActivity')}</Typography.Text>
      )}
    </>
  );
}
