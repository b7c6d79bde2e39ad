import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Flex,
  Grid,
  Segmented,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import { ErrorState, ListSkeleton } from '../../components/PageStates';
import { currentLocale } from '../../i18n';
import { describeError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { DuplicateNotice } from '../customers/DuplicateNotice';
import {
  INQUIRY_CLASS_COLORS,
  type InquiryClass,
  type InquiryDetail,
  useInquiry,
  useUpdateInquiry,
} from './api';
import { ConvertInquiryModal } from './ConvertInquiryModal';
import { ResponseTime } from './InquiryLabels';
import { channelLabel, classLabel } from './labels';

const CLASSES: InquiryClass[] = ['precise', 'broad', 'scam'];

function Signals({ inquiry }: { inquiry: InquiryDetail }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('inquiries.signals')}>
      {inquiry.signals.length === 0 ? (
        <Typography.Text type="secondary">{t('inquiries.noSignals')}</Typography.Text>
      ) : (
        <Flex vertical gap={6}>
          {inquiry.signals.map((signal) => (
            <Flex key={signal.code} gap={8} align="baseline" wrap>
              <Tag color={INQUIRY_CLASS_COLORS[signal.class]} style={{ marginInlineEnd: 0 }}>
                {classLabel(t, signal.class)}
              </Tag>
              <Typography.Text>{signal.label}</Typography.Text>
              {signal.evidence && (
                <Typography.Text type="secondary" code>
                  {signal.evidence}
                </Typography.Text>
              )}
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}

function Playbook({ inquiry }: { inquiry: InquiryDetail }) {
  const { t } = useTranslation();
  const { playbook } = inquiry;
  return (
    <Card size="small" title={`${t('inquiries.playbook')} · ${playbook.title}`}>
      <Typography.Paragraph type="secondary">{playbook.traits}</Typography.Paragraph>
      <ol style={{ paddingInlineStart: 20, marginBottom: 12 }}>
        {playbook.steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <Typography.Text strong>{playbook.backgroundCheck.title}</Typography.Text>
      <ul style={{ paddingInlineStart: 20, marginBottom: 8 }}>
        {playbook.backgroundCheck.steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ul>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {playbook.source}
      </Typography.Text>
    </Card>
  );
}

/** One inquiry: what it said, why it was classed so, what to do next, and its conversion. */
export function InquiryDrawer(props: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const locale = currentLocale();
  const phone = Grid.useBreakpoint().md === false;
  const detail = useInquiry(props.id);
  const update = useUpdateInquiry();
  const [converting, setConverting] = useState(false);
  const inquiry = detail.data;

  async function change(changes: {
    classification?: InquiryClass;
    status?: 'replied' | 'archived';
  }) {
    if (!inquiry) return;
    try {
      await update.mutateAsync({ id: inquiry.id, version: inquiry.version, ...changes });
      message.success(t('inquiries.saved'));
    } catch (error) {
      message.error(
        error instanceof ApiError && error.code === 'version_conflict'
          ? t('errors.versionConflict')
          : describeError(t, error),
      );
    }
  }

  return (
    <Drawer
      open
      width={phone ? '100%' : 720}
      title={inquiry ? (inquiry.subject ?? inquiry.company ?? t('inquiries.untitled')) : ' '}
      onClose={props.onClose}
      extra={
        inquiry &&
        inquiry.status !== 'converted' && (
          <Button type="primary" onClick={() => setConverting(true)}>
            {t('inquiries.convert.action')}
          </Button>
        )
      }
    >
      {detail.isPending ? (
        <ListSkeleton rows={8} />
      ) : detail.isError ? (
        <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
      ) : (
        <Flex vertical gap={16}>
          <Flex gap={8} align="center" wrap>
            <Tag color={INQUIRY_CLASS_COLORS[detail.data.classification]} style={{ fontSize: 14 }}>
              {classLabel(t, detail.data.classification)}
            </Tag>
            <Typography.Text>
              {t('inquiries.confidence')} {Math.round(detail.data.confidence * 100)}%
            </Typography.Text>
            {detail.data.corrected && (
              <Typography.Text type="secondary">
                {t('inquiries.correctedFrom', {
                  class: classLabel(t, detail.data.originalClassification),
                })}
              </Typography.Text>
            )}
          </Flex>
          <Flex gap={8} align="center" wrap>
            <Typography.Text type="secondary">{t('inquiries.correct')}</Typography.Text>
            <Segmented
              aria-label={t('inquiries.correct')}
              value={detail.data.classification}
              disabled={update.isPending}
              options={CLASSES.map((value) => ({
                value,
                label: classLabel(t, value),
              }))}
              onChange={(value) => void change({ classification: value as InquiryClass })}
            />
          </Flex>
          {detail.data.status === 'converted' && detail.data.customerId && (
            <Alert
              type="success"
              showIcon
              title={
                <Space wrap>
                  {t('inquiries.converted')}
                  <Link to={`/customers/${detail.data.customerId}`}>
                    {t('inquiries.openCustomer')}
                  </Link>
                </Space>
              }
            />
          )}
          {detail.data.status !== 'converted' && detail.data.possibleDuplicates.length > 0 && (
            <DuplicateNotice matches={detail.data.possibleDuplicates} confirming={false} />
          )}
          <Signals inquiry={detail.data} />
          <Descriptions size="small" column={phone ? 1 : 2} bordered>
            <Descriptions.Item label={t('inquiries.fields.receivedAt')}>
              {formatDateTime(detail.data.receivedAt, locale)}
            </Descriptions.Item>
            <Descriptions.Item label={t('inquiries.fields.channel')}>
              {channelLabel(t, detail.data.channel)}
            </Descriptions.Item>
            <Descriptions.Item label={t('inquiries.fields.senderName')}>
              {detail.data.senderName ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('inquiries.fields.senderEmail')}>
              {detail.data.senderEmail ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('inquiries.fields.company')}>
              {detail.data.company ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('inquiries.fields.country')}>
              {detail.data.country ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('inquiries.firstResponse')} span={phone ? 1 : 2}>
              <Space wrap>
                <ResponseTime inquiry={detail.data} />
                {detail.data.firstResponseAt === null && detail.data.status !== 'archived' && (
                  <Button
                    size="small"
                    loading={update.isPending}
                    onClick={() => void change({ status: 'replied' })}
                  >
                    {t('inquiries.markReplied')}
                  </Button>
                )}
              </Space>
            </Descriptions.Item>
          </Descriptions>
          <Card size="small" title={t('inquiries.fields.body')}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
              {detail.data.body}
            </Typography.Paragraph>
          </Card>
          <Playbook inquiry={detail.data} />
          {detail.data.status !== 'converted' && detail.data.status !== 'archived' && (
            <Flex justify="flex-end">
              <Button
                danger
                loading={update.isPending}
                onClick={() => void change({ status: 'archived' })}
              >
                {t('inquiries.archive')}
              </Button>
            </Flex>
          )}
        </Flex>
      )}
      {converting && inquiry && (
        <ConvertInquiryModal
          inquiry={inquiry}
          onClose={(result) => {
            setConverting(false);
            if (result) {
              message.success(t('inquiries.convert.done', { name: result.customer.name }));
              void detail.refetch();
            }
          }}
        />
      )}
    </Drawer>
  );
}
