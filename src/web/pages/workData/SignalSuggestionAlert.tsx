import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSignalSuggestions } from './api';
import { signalLabel } from './labels';

/** On the customer page: a list customer with an opportunity signal is ready for 潜在. */
export function SignalSuggestionAlert({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const suggestions = useSignalSuggestions(customerId);
  const item = suggestions.data?.items[0];
  if (!item) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('workData.suggestion', {
        signals: item.signals.map((signal) => signalLabel(t, signal)).join('、'),
      })}
    />
  );
}
