import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

export type ReviewState = 'draft' | 'pending' | 'submitted' | 'late' | 'missing' | 'reviewed';

const STATES: Record<ReviewState, { color: string; labelKey: string }> = {
  draft: { color: 'default', labelKey: 'funnelReviews.status.draft' },
  pending: { color: 'default', labelKey: 'funnelReviews.status.pending' },
  submitted: { color: 'blue', labelKey: 'funnelReviews.status.submitted' },
  late: { color: 'orange', labelKey: 'funnelReviews.status.late' },
  missing: { color: 'red', labelKey: 'funnelReviews.status.missing' },
  reviewed: { color: 'green', labelKey: 'funnelReviews.status.reviewed' },
};

/** A report's state; a late submission also says so when it is shown as submitted/reviewed. */
export function StatusTag({ status, late = false }: { status: ReviewState; late?: boolean }) {
  const { t } = useTranslation();
  const state = STATES[status];
  return (
    <>
      <Tag color={state.color}>{t(state.labelKey)}</Tag>
      {late && status !== 'late' && <Tag color="orange">{t('funnelReviews.status.late')}</Tag>}
    </>
  );
}
