import { Card, Col, DatePicker, Flex, Row, Statistic, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, ListSkeleton } from '../../components/PageStates';
import { INQUIRY_CLASS_COLORS, type InquiryReport, useInquiryReport } from './api';
import { formatMinutes } from './InquiryLabels';
import { classLabel } from './labels';

type ClassRow = InquiryReport['classes'][number];

const percent = (ratio: number | null) => (ratio === null ? '—' : `${(ratio * 100).toFixed(1)}%`);

/** 询盘报表: classes after corrections, how often the classifier was right, response times. */
export default function InquiryReportPage() {
  const { t } = useTranslation();
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const filters = range
    ? { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') }
    : {};
  const report = useInquiryReport(filters);

  return (
    <>
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('nav.inquiryReport')}
        </Typography.Title>
        <DatePicker.RangePicker
          aria-label={t('inquiries.report.period')}
          value={range}
          onChange={(value) => setRange(value?.[0] && value[1] ? [value[0], value[1]] : null)}
        />
      </Flex>
      {report.isPending ? (
        <ListSkeleton rows={6} />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <Flex vertical gap={16}>
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t('inquiries.report.total')} value={report.data.total} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t('inquiries.report.converted')} value={report.data.converted} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={t('inquiries.report.medianResponse')}
                  value={
                    report.data.firstResponse.medianMinutes === null
                      ? '—'
                      : formatMinutes(t, report.data.firstResponse.medianMinutes)
                  }
                />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={t('inquiries.report.unanswered')}
                  value={report.data.firstResponse.unanswered}
                  suffix={`/ ${report.data.firstResponse.replied + report.data.firstResponse.unanswered}`}
                />
              </Card>
            </Col>
          </Row>
          <Card size="small" title={t('inquiries.report.byClass')}>
            <Table<ClassRow>
              rowKey="class"
              size="small"
              pagination={false}
              scroll={{ x: true }}
              dataSource={report.data.classes}
              columns={[
                {
                  key: 'class',
                  title: t('inquiries.fields.class'),
                  render: (_, row) => (
                    <Tag color={INQUIRY_CLASS_COLORS[row.class]}>{classLabel(t, row.class)}</Tag>
                  ),
                },
                { key: 'count', title: t('inquiries.report.count'), dataIndex: 'count' },
                {
                  key: 'classified',
                  title: t('inquiries.report.classified'),
                  dataIndex: 'classified',
                },
                {
                  key: 'corrected',
                  title: t('inquiries.report.corrected'),
                  dataIndex: 'corrected',
                },
                {
                  key: 'accuracy',
                  title: t('inquiries.report.accuracy'),
                  render: (_, row) => percent(row.accuracy),
                },
                {
                  key: 'converted',
                  title: t('inquiries.report.converted'),
                  dataIndex: 'converted',
                },
              ]}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('inquiries.report.accuracyHint')}
            </Typography.Text>
          </Card>
        </Flex>
      )}
    </>
  );
}
