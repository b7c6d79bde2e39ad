import { Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorState, ListSkeleton } from '../../components/PageStates';
import { currentLocale } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { useDealHistory } from './api';

/** Every stage move of the deal: from, to, who, when, and the override reason if there was one. */
export function DealHistory({ dealId }: { dealId: string }) {
  const { t } = useTranslation();
  const history = useDealHistory(dealId);
  const locale = currentLocale();
  if (history.isPending) return <ListSkeleton rows={3} />;
  if (history.isError)
    return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  if (history.data.length === 0)
    return <Typography.Text type="secondary">{t('deals.history.empty')}</Typography.Text>;
  return (
    <Timeline
      items={history.data.map((move) => ({
        key: move.id,
        color: move.overrideReason ? 'red' : move.direction === 'backward' ? 'gray' : 'blue',
        content: (
          <>
            <Typography.Text strong>
              {move.fromStageName
                ? t('deals.history.move', { from: move.fromStageName, to: move.toStageName })
                : t('deals.history.entered', { to: move.toStageName })}
            </Typography.Text>
            {move.direction === 'backward' && (
              <Tag style={{ marginInlineStart: 8 }}>{t('deals.history.backward')}</Tag>
            )}
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('deals.history.by', {
                  name: move.byName ?? '—',
                  time: formatDateTime(move.at, locale),
                })}
              </Typography.Text>
            </div>
            {move.overrideReason && (
              <div>
                <Tag color="error">{t('deals.history.override')}</Tag>
                <Typography.Text>{move.overrideReason}</Typography.Text>
                {move.unmet.length > 0 && (
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('deals.history.bypassed', {
                        items: move.unmet.map((item) => item.label).join('；'),
                      })}
                    </Typography.Text>
                  </div>
                )}
              </div>
            )}
            {move.lostReason && (
              <div>
                <Typography.Text type="secondary">
                  {t('deals.history.lostReason', { reason: move.lostReason })}
                </Typography.Text>
              </div>
            )}
          </>
        ),
      }))}
    />
  );
}
