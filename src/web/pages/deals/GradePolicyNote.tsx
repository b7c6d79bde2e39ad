import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCustomerGrade } from '../qualification/api';

/**
 * 客户分级政策 on a new deal: the chosen customer's grade with the payment terms (账期) and
 * support that go with it, so the rep quotes within them. Nothing for an ungraded customer.
 */
export function GradePolicyNote({ customerId }: { customerId: string | undefined }) {
  const { t } = useTranslation();
  const grade = useCustomerGrade(customerId);
  const data = grade.data;
  if (!customerId || !data?.grade || !data.policy) return null;
  return (
    <Alert
      type="info"
      showIcon
      data-testid="deal-grade-policy"
      style={{ marginBottom: 16 }}
      title={t('deals.gradePolicy', {
        grade: data.label ?? data.grade,
        days: data.policy.paymentTermsDays,
        support: data.policy.supportLevel,
      })}
      description={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {data.policy.description}
        </Typography.Text>
      }
    />
  );
}
