import { Card, Col, DatePicker, Flex, Row, Select, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CAMPAIGN_TYPES } from '../../../domain/campaigns/campaignTypes';
import { ExportMenu } from '../../components/ExportMenu';
import { Money } from '../../components/Money';
import { ErrorState, ListSkeleton } from '../../components/PageStates';
import { type CampaignReport, campaignReportExportHref, useCampaignReport } from './api';
import { CampaignReportChart } from './CampaignReportChart';
import { campaignDays } from './campaignDays';
import { campaignTypeLabel } from './labels';

type CampaignRow = CampaignReport['rows'][number];
type SourceRow = CampaignReport['bySource'][number];

/** 市场活动效果: what each campaign moved forward and won, and the same per source channel. */
export default function CampaignReportPage() {
  const { t } = useTranslation();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [type, setType] = useState<string>();
  const params = {
    from: range?.[0]?.format('YYYY-MM-DD'),
    to: range?.[1]?.format('YYYY-MM-DD'),
    type,
  };
  const report = useCampaignReport(params);

  const figureColumns = <T extends CampaignRow | SourceRow>(): ColumnsType<T> => [
    { key: 'invited', title: t('campaigns.report.invited'), dataIndex: 'invited', align: 'right' },
    {
      key: 'attended',
      title: t('campaigns.report.attended'),
      dataIndex: 'attended',
      align: 'right',
    },
    {
      key: 'movedForward',
      title: t('campaigns.report.movedForward'),
      dataIndex: 'movedForward',
      align: 'right',
    },
    {
      key: 'dealsWon',
      title: t('campaigns.report.dealsWon'),
      dataIndex: 'dealsWon',
      align: 'right',
    },
    {
      key: 'wonAmount',
      title: t('campaigns.report.wonAmount'),
      align: 'right',
      render: (_v, row) => <Money amount={row.wonAmount} />,
    },
    {
      key: 'cost',
      title: t('campaigns.fields.cost'),
      align: 'right',
      render: (_v, row) => <Money amount={row.cost} />,
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('nav.campaignReport')}
      </Typography.Title>
      <Flex gap={8} wrap align="center">
        <DatePicker.RangePicker
          aria-label={t('campaigns.report.period')}
          value={range}
          onChange={(value) => setRange(value)}
          allowEmpty={[true, true]}
        />
        <Select
          allowClear
          aria-label={t('campaigns.fields.type')}
          placeholder={t('campaigns.allTypes')}
          style={{ minWidth: 160 }}
          value={type}
          onChange={setType}
          options={CAMPAIGN_TYPES.map((value) => ({ value, label: campaignTypeLabel(t, value) }))}
        />
        <ExportMenu hrefFor={(format) => campaignReportExportHref(params, format)} />
      </Flex>
      <Typography.Text type="secondary">{t('campaigns.report.explain')}</Typography.Text>
      {report.isPending ? (
        <ListSkeleton />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <>
          <Row gutter={[12, 12]}>
            {(
              [
                [t('campaigns.report.campaigns'), report.data.total.campaigns],
                [t('campaigns.report.invited'), report.data.total.invited],
                [t('campaigns.report.attended'), report.data.total.attended],
                [t('campaigns.report.movedForward'), report.data.total.movedForward],
                [t('campaigns.report.dealsWon'), report.data.total.dealsWon],
              ] as const
            ).map(([title, value]) => (
              <Col key={title} xs={12} sm={8} lg={4}>
                <Card size="small">
                  <Statistic title={title} value={value} />
                </Card>
              </Col>
            ))}
            <Col xs={12} sm={8} lg={4}>
              <Card size="small">
                <Statistic
                  title={t('campaigns.report.wonAmount')}
                  valueRender={() => <Money amount={report.data.total.wonAmount} />}
                />
              </Card>
            </Col>
          </Row>
          {report.data.rows.length > 0 && <CampaignReportChart report={report.data} />}
          <Card size="small" title={t('campaigns.report.perCampaign')}>
            <Table<CampaignRow>
              size="small"
              rowKey="campaignId"
              pagination={false}
              scroll={{ x: 900 }}
              dataSource={report.data.rows}
              locale={{ emptyText: t('campaigns.report.empty') }}
              columns={[
                {
                  key: 'name',
                  title: t('campaigns.fields.name'),
                  render: (_v, row) => <Link to={`/campaigns/${row.campaignId}`}>{row.name}</Link>,
                },
                {
                  key: 'type',
                  title: t('campaigns.fields.type'),
                  render: (_v, row) => <Tag>{campaignTypeLabel(t, row.type)}</Tag>,
                },
                {
                  key: 'days',
                  title: t('campaigns.fields.days'),
                  render: (_v, row) => campaignDays(row),
                },
                {
                  key: 'source',
                  title: t('campaigns.fields.source'),
                  render: (_v, row) => row.source ?? t('campaigns.report.noSource'),
                },
                ...figureColumns<CampaignRow>(),
              ]}
            />
          </Card>
          <Card size="small" title={t('campaigns.report.bySource')}>
            <Table<SourceRow>
              size="small"
              rowKey={(row) => row.source ?? ''}
              pagination={false}
              scroll={{ x: 800 }}
              dataSource={report.data.bySource}
              locale={{ emptyText: t('campaigns.report.empty') }}
              columns={[
                {
                  key: 'source',
                  title: t('campaigns.fields.source'),
                  render: (_v, row) => row.source ?? t('campaigns.report.noSource'),
                },
                {
                  key: 'campaigns',
                  title: t('campaigns.report.campaigns'),
                  dataIndex: 'campaigns',
                  align: 'right',
                },
                ...figureColumns<SourceRow>(),
              ]}
            />
          </Card>
        </>
      )}
    </Flex>
  );
}
