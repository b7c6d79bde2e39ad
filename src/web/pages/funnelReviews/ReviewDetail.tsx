import PlusOutlined from '@ant-design/icons/es/icons/PlusOutlined';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Input,
  List,
  Select,
  Space,
  Statistic,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../domain/format/dates';
import { ApiError } from '../../api/client';
import { useCurrentUser } from '../../components/CurrentUser';
import { currentLocale } from '../../i18n';
import { describeError } from '../../lib/errors';
import { useCustomerSearch } from '../deals/api';
import { type FunnelReview, type LineInput, useChangeReview } from './api';
import { leakText, periodRange } from './periods';
import { type DraftLine, type LineErrors, ReviewLinesTable } from './ReviewLinesTable';
import { StatusTag } from './StatusTag';

function draftOf(review: FunnelReview): DraftLine[] {
  return review.lines.map(({ id, ...line }) => ({ ...line, key: id }));
}

function inputOf(line: DraftLine): LineInput {
  return {
    customerId: line.customerId,
    dealId: line.dealId,
    products: line.products,
    amount: line.amount,
    expectedCloseDate: line.expectedCloseDate,
    successRate: line.successRate,
    comment: line.comment || null,
  };
}

/** 'body.lines.2.amount' → {2: {amount: message}}; what does not name a line stays general. */
function lineErrorsOf(error: unknown): LineErrors {
  const result: LineErrors = {};
  if (!(error instanceof ApiError)) return result;
  for (const item of error.errors) {
    const match = /^body\.lines\.(\d+)\.(\w+)/.exec(item.field);
    if (!match) continue;
    const index = Number(match[1]);
    result[index] = { ...result[index], [match[2] as string]: item.message };
  }
  return result;
}

const dateTime = (iso: string, locale: string) =>
  new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });

/** Any of the rep's own customers, to add a line for one that has no deal or contact yet. */
function AddCustomer({
  onAdd,
  exclude,
}: {
  onAdd: (id: string, name: string) => void;
  exclude: Set<string>;
}) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [search, setSearch] = useState('');
  const customers = useCustomerSearch(search, me.id);
  return (
    <Select
      aria-label={t('funnelReviews.addCustomer')}
      placeholder={t('funnelReviews.addCustomer')}
      style={{ minWidth: 260 }}
      value={null}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={customers.isFetching}
      options={(customers.data ?? [])
        .filter((customer) => !exclude.has(customer.id))
        .map((customer) => ({ value: customer.id, label: customer.name }))}
      onChange={(id: string, option) => {
        const label = Array.isArray(option) ? '' : String(option?.label ?? '');
        onAdd(id, label);
      }}
    />
  );
}

/** One report: its lines (editable by its rep until reviewed), leak rate, comments, actions. */
export function ReviewDetail({ review }: { review: FunnelReview }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const locale = currentLocale();
  const change = useChangeReview(review.id);
  const [lines, setLines] = useState(() => draftOf(review));
  const [note, setNote] = useState(review.note ?? '');
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<LineErrors>({});
  const [comment, setComment] = useState('');

  // A new version from the server (saved, submitted, reviewed elsewhere) resets the editor.
  useEffect(() => {
    setLines(draftOf(review));
    setNote(review.note ?? '');
    setDirty(false);
    setErrors({});
  }, [review]);

  const edit = (next: DraftLine[]) => {
    setLines(next);
    setDirty(true);
  };
  const fail = (error: unknown) => {
    setErrors(lineErrorsOf(error));
    void message.error(describeError(t, error));
  };
  const save = async () =>
    change.mutateAsync({
      kind: 'save',
      version: review.version,
      note: note.trim() || null,
      lines: lines.map(inputOf),
    });

  const onSave = () => save().then(() => void message.success(t('funnelReviews.saved')), fail);
  const onSubmit = async () => {
    try {
      const saved = dirty ? await save() : review;
      await change.mutateAsync({ kind: 'submit', version: saved.version });
      void message.success(t('funnelReviews.submittedMessage'));
    } catch (error) {
      fail(error);
    }
  };
  const onReview = () =>
    change
      .mutateAsync({ kind: 'review', version: review.version })
      .then(() => void message.success(t('funnelReviews.reviewedMessage')), fail);
  const onComment = () =>
    change.mutateAsync({ kind: 'comment', body: comment }).then(() => setComment(''), fail);

  // Contacted potential customers not on the lines being edited: what to add before submitting.
  const onLines = new Set(lines.map((line) => line.customerId));
  const missing = review.contacted.filter((c) => !onLines.has(c.customerId));
  const addLine = (customerId: string, customerName: string) =>
    edit([
      ...lines,
      {
        key: `new-${customerId}`,
        customerId,
        customerName,
        dealId: null,
        dealName: null,
        products: [],
        amount: 0,
        expectedCloseDate: null,
        successRate: 10,
        comment: null,
      },
    ]);

  return (
    <Flex vertical gap={16}>
      <Card
        size="small"
        title={
          <Space wrap>
            <span>{review.userName}</span>
            <Typography.Text type="secondary">{periodRange(review.period, locale)}</Typography.Text>
            <StatusTag status={review.status} late={review.late} />
          </Space>
        }
      >
        <Flex gap={24} wrap align="flex-start">
          <section aria-label={t('funnelReviews.leakRate')}>
            <Statistic title={t('funnelReviews.leakRate')} value={leakText(review.leak.leakRate)} />
          </section>
          <Statistic title={t('funnelReviews.contacted')} value={review.leak.contacted} />
          <Statistic title={t('funnelReviews.missingCustomers')} value={review.leak.missing} />
          <Descriptions size="small" column={1} style={{ minWidth: 240, flex: 1 }}>
            <Descriptions.Item label={t('funnelReviews.dueDate')}>
              {formatDate(review.period.dueDate, locale)}
            </Descriptions.Item>
            {review.submittedAt && (
              <Descriptions.Item label={t('funnelReviews.submittedAt')}>
                {dateTime(review.submittedAt, locale)}
              </Descriptions.Item>
            )}
            {review.reviewedAt && (
              <Descriptions.Item label={t('funnelReviews.reviewedBy')}>
                {review.reviewedByName} · {dateTime(review.reviewedAt, locale)}
              </Descriptions.Item>
            )}
          </Descriptions>
        </Flex>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('funnelReviews.leakFormula')}
        </Typography.Paragraph>
      </Card>

      {missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          message={t('funnelReviews.missingTitle', { count: missing.length })}
          description={
            <Flex vertical gap={4}>
              {missing.map((customer) => (
                <Flex key={customer.customerId} gap={8} align="center" wrap>
                  <span>{customer.customerName}</span>
                  {review.canEdit && (
                    <Button
                      size="small"
                      icon={<PlusOutlined />}
                      onClick={() => addLine(customer.customerId, customer.customerName)}
                    >
                      {t('funnelReviews.addToReport', { name: customer.customerName })}
                    </Button>
                  )}
                </Flex>
              ))}
            </Flex>
          }
        />
      )}

      <Card size="small" title={t('funnelReviews.linesTitle', { count: lines.length })}>
        <ReviewLinesTable
          lines={lines}
          editable={review.canEdit}
          errors={errors}
          onChange={(index, patch) =>
            edit(lines.map((line, i) => (i === index ? { ...line, ...patch } : line)))
          }
          onRemove={(index) => edit(lines.filter((_, i) => i !== index))}
        />
        {review.canEdit && (
          <div style={{ marginTop: 8 }}>
            <AddCustomer onAdd={addLine} exclude={onLines} />
          </div>
        )}
        <Typography.Text strong style={{ display: 'block', marginTop: 12 }}>
          {t('funnelReviews.note')}
        </Typography.Text>
        {review.canEdit ? (
          <Input.TextArea
            aria-label={t('funnelReviews.note')}
            value={note}
            maxLength={4000}
            autoSize={{ minRows: 2, maxRows: 6 }}
            onChange={(event) => {
              setNote(event.target.value);
              setDirty(true);
            }}
          />
        ) : (
          <Typography.Paragraph>{review.note || '—'}</Typography.Paragraph>
        )}
        <Flex gap={8} wrap style={{ marginTop: 12 }}>
          {review.canEdit && (
            <Button onClick={onSave} loading={change.isPending} disabled={!dirty}>
              {t('common.save')}
            </Button>
          )}
          {review.canEdit && review.status === 'draft' && (
            <Button type="primary" onClick={onSubmit} loading={change.isPending}>
              {t('funnelReviews.submit')}
            </Button>
          )}
          {review.canReview && (
            <Button type="primary" onClick={onReview} loading={change.isPending}>
              {t('funnelReviews.markReviewed')}
            </Button>
          )}
        </Flex>
      </Card>

      <Card size="small" title={t('funnelReviews.comments')}>
        <List
          size="small"
          dataSource={review.comments}
          locale={{ emptyText: t('funnelReviews.noComments') }}
          renderItem={(item) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <Space>
                    <span>{item.authorName}</span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {dateTime(item.createdAt, locale)}
                    </Typography.Text>
                  </Space>
                }
                description={<span style={{ whiteSpace: 'pre-wrap' }}>{item.body}</span>}
              />
            </List.Item>
          )}
        />
        <Flex gap={8} style={{ marginTop: 8 }} align="flex-end">
          <Input.TextArea
            aria-label={t('funnelReviews.newComment')}
            placeholder={t('funnelReviews.newComment')}
            value={comment}
            maxLength={4000}
            autoSize={{ minRows: 1, maxRows: 4 }}
            onChange={(event) => setComment(event.target.value)}
          />
          <Button onClick={onComment} disabled={!comment.trim()} loading={change.isPending}>
            {t('funnelReviews.sendComment')}
          </Button>
        </Flex>
      </Card>
    </Flex>
  );
}
