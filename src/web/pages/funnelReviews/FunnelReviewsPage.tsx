import type { UseQueryResult } from '@tanstack/react-query';
import { Breadcrumb, Card, Flex, List, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useParams } from 'react-router';
import { useCurrentUser } from '../../components/CurrentUser';
import { ErrorState, ListSkeleton } from '../../components/PageStates';
import { currentLocale } from '../../i18n';
import { NotFoundPage } from '../StatusPages';
import { type FunnelReview, useMyReview, useMyReviews, useRepReview, useReview } from './api';
import { periodRange, recentPeriods } from './periods';
import { ReviewDetail } from './ReviewDetail';
import { StatusTag } from './StatusTag';
import { TeamReviewsView } from './TeamReviewsView';

const BASE = '/reports/funnel-reviews';

/** The rep's side: the report to file now (or a chosen period) and their past reports. */
function MyReviewsView() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const mine = useMyReviews();
  const [chosen, setChosen] = useState<string>();
  const period = chosen ?? mine.data?.suggested.key;
  const review = useMyReview(period);

  if (mine.isPending) return <ListSkeleton />;
  if (mine.isError) return <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />;
  const options = recentPeriods(mine.data.today, 6).map((p) => ({
    value: p.key,
    label: periodRange(p, locale),
  }));
  return (
    <Flex vertical gap={16}>
      <Flex gap={8} align="center" wrap>
        <Typography.Text>{t('funnelReviews.period')}</Typography.Text>
        <Select
          aria-label={t('funnelReviews.period')}
          style={{ minWidth: 280 }}
          value={period}
          options={options}
          onChange={setChosen}
        />
      </Flex>
      {review.isPending ? (
        <ListSkeleton />
      ) : review.isError ? (
        <ErrorState error={review.error} onRetry={() => void review.refetch()} />
      ) : (
        <ReviewDetail review={review.data} />
      )}
      {mine.data.items.length > 0 && (
        <Card size="small" title={t('funnelReviews.myPastReports')}>
          <List
            size="small"
            dataSource={mine.data.items}
            renderItem={(item) => (
              <List.Item
                actions={[
                  <Typography.Link key="open" onClick={() => setChosen(item.period.key)}>
                    {t('funnelReviews.open')}
                  </Typography.Link>,
                ]}
              >
                <Flex gap={8} wrap align="center">
                  <span>{periodRange(item.period, locale)}</span>
                  <StatusTag status={item.status} late={item.late} />
                  <Typography.Text type="secondary">
                    {t('funnelReviews.lineCount', { count: item.lines })}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        </Card>
      )}
    </Flex>
  );
}

/** One report opened from the manager's table (or a link), with a way back. */
function ReviewPage() {
  const { id } = useParams();
  return <OpenedReview review={useReview(id)} />;
}

/** A rep's report the manager opened from a row of a rep who had not opened it yet. */
function RepReviewPage() {
  const { userId, period } = useParams();
  return <OpenedReview review={useRepReview(userId, period)} />;
}

function OpenedReview({ review }: { review: UseQueryResult<FunnelReview> }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={16}>
      <Breadcrumb
        items={[
          {
            // Back to the team table on the report's period.
            title: (
              <Link to={review.data ? `${BASE}?period=${review.data.period.key}` : BASE}>
                {t('nav.funnelReviews')}
              </Link>
            ),
          },
          { title: review.data?.userName ?? '…' },
        ]}
      />
      {review.isPending ? (
        <ListSkeleton />
      ) : review.isError ? (
        <ErrorState error={review.error} onRetry={() => void review.refetch()} />
      ) : (
        <ReviewDetail review={review.data} />
      )}
    </Flex>
  );
}

function HomeView() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('nav.funnelReviews')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('funnelReviews.intro')}</Typography.Text>
      {me.role === 'rep' ? <MyReviewsView /> : <TeamReviewsView />}
    </Flex>
  );
}

/** 报表 → 半月漏斗报表: reps file theirs on the 1st and 16th; managers follow up on them. */
export default function FunnelReviewsPage() {
  return (
    <Routes>
      <Route index element={<HomeView />} />
      <Route path=":id" element={<ReviewPage />} />
      <Route path="rep/:userId/:period" element={<RepReviewPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
