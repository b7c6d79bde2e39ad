import CheckCircleFilled from '@ant-design/icons/es/icons/CheckCircleFilled';
import MinusCircleOutlined from '@ant-design/icons/es/icons/MinusCircleOutlined';
import { Card, Collapse, Divider, Flex, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n';
import { formatDayOf } from '../../lib/format';
import { useCustomerGrade, useCustomerScore, useCustomerWarnings } from './api';
import { WarningList } from './ChurnWarningTags';

function ScoreSection({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const score = useCustomerScore(customerId);
  if (score.isPending) return <Skeleton active paragraph={{ rows: 2 }} />;
  if (score.isError)
    return <Typography.Text type="danger">{t('qualification.card.failed')}</Typography.Text>;
  const { data } = score;
  return (
    <Flex vertical gap={6}>
      <Flex gap={8} align="baseline" wrap>
        <Typography.Text type="secondary">{t('qualification.card.score')}</Typography.Text>
        <Typography.Text strong style={{ fontSize: 20 }} data-testid="lead-score">
          {data.score}
        </Typography.Text>
        <Typography.Text type="secondary">
          {t('qualification.card.threshold', { threshold: data.threshold })}
        </Typography.Text>
        <Tag color={data.qualified ? 'green' : 'default'}>
          {data.qualified ? t('customers.qualified.yes') : t('customers.qualified.no')}
        </Tag>
      </Flex>
      <Flex vertical gap={2}>
        {data.reasons.map((reason) => (
          <Flex key={reason.criterionId} gap={6} align="center">
            {reason.matched ? (
              <CheckCircleFilled style={{ color: '#52c41a' }} />
            ) : (
              <MinusCircleOutlined style={{ color: '#bfbfbf' }} />
            )}
            <Typography.Text type={reason.matched ? undefined : 'secondary'} style={{ flex: 1 }}>
              {reason.label}
            </Typography.Text>
            <Typography.Text type={reason.matched ? 'success' : 'secondary'}>
              {reason.matched ? `+${reason.points}` : `(${reason.points})`}
            </Typography.Text>
          </Flex>
        ))}
      </Flex>
    </Flex>
  );
}

function GradeSection({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const grade = useCustomerGrade(customerId);
  if (grade.isPending) return <Skeleton active paragraph={{ rows: 2 }} />;
  if (grade.isError)
    return <Typography.Text type="danger">{t('qualification.card.failed')}</Typography.Text>;
  const { data } = grade;
  return (
    <Flex vertical gap={6}>
      <Flex gap={8} align="center" wrap>
        <Typography.Text type="secondary">{t('qualification.card.grade')}</Typography.Text>
        {data.grade ? (
          <Tag color="gold" style={{ fontSize: 14 }}>
            {data.label ?? data.grade}
          </Tag>
        ) : (
          <Typography.Text type="secondary">{t('qualification.card.ungraded')}</Typography.Text>
        )}
        {data.current && data.current.grade !== data.grade && (
          <Typography.Text type="warning">
            {t('qualification.card.nextRun', { grade: data.current.grade })}
          </Typography.Text>
        )}
      </Flex>
      {data.policy && (
        <Flex vertical gap={2}>
          <Typography.Text>
            {t('qualification.card.paymentTerms', { days: data.policy.paymentTermsDays })}
            {' · '}
            {data.policy.supportLevel}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {data.policy.description}
          </Typography.Text>
        </Flex>
      )}
      {data.current && data.current.reasons.length > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {data.current.reasons.join(';')}
        </Typography.Text>
      )}
      {data.history.length > 0 && (
        <Collapse
          size="small"
          ghost
          items={[
            {
              key: 'history',
              label: t('qualification.card.history', { count: data.history.length }),
              children: (
                <Flex vertical gap={4}>
                  {data.history.map((entry) => (
                    <Typography.Text key={entry.changedAt} style={{ fontSize: 12 }}>
                      {formatDayOf(entry.changedAt, locale)}: {entry.fromGrade ?? '—'} →{' '}
                      {entry.toGrade}
                      {entry.downgradedForUnpaid && ` · ${t('qualification.card.unpaidDowngrade')}`}
                      {entry.reasons.length > 0 && ` · ${entry.reasons.join(';')}`}
                    </Typography.Text>
                  ))}
                </Flex>
              ),
            },
          ]}
        />
      )}
    </Flex>
  );
}

function WarningsSection({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const warnings = useCustomerWarnings(customerId);
  if (warnings.isPending) return <Skeleton active paragraph={{ rows: 1 }} />;
  if (warnings.isError)
    return <Typography.Text type="danger">{t('qualification.card.failed')}</Typography.Text>;
  return (
    <Flex vertical gap={6}>
      <Typography.Text type="secondary">{t('qualification.card.warnings')}</Typography.Text>
      {warnings.data.warnings.length === 0 ? (
        <Typography.Text type="secondary">{t('qualification.card.noWarnings')}</Typography.Text>
      ) : (
        <WarningList customerId={customerId} warnings={warnings.data.warnings} />
      )}
    </Flex>
  );
}

/** 客户资质: lead score with its criteria, grade with its policy and history, churn flags. */
export function QualificationCard({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('qualification.card.title')}>
      <ScoreSection customerId={customerId} />
      <Divider style={{ marginBlock: 12 }} />
      <GradeSection customerId={customerId} />
      <Divider style={{ marginBlock: 12 }} />
      <WarningsSection customerId={customerId} />
    </Card>
  );
}
