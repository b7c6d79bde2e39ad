import DownloadOutlined from '@ant-design/icons/es/icons/DownloadOutlined';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { API_BASE, query } from '../../api/client';
import { currentLocale } from '../../i18n';
import type { ListParams } from './api';

/** Downloads the list as it is filtered now (.xlsx or CSV); the session cookie carries the login. */
export function ExportButton(props: { filters: ListParams }) {
  const { t } = useTranslation();
  // Column headers in the language on screen.
  const href = (format: 'xlsx' | 'csv') =>
    `${API_BASE}/customers/export${query({ ...props.filters, format, lang: currentLocale() })}`;
  return (
    <Dropdown
      menu={{
        items: [
          {
            key: 'xlsx',
            label: (
              <a href={href('xlsx')} download>
                {t('customers.export.xlsx')}
              </a>
            ),
          },
          {
            key: 'csv',
            label: (
              <a href={href('csv')} download>
                {t('customers.export.csv')}
              </a>
            ),
          },
        ],
      }}
    >
      <Button icon={<DownloadOutlined />}>{t('customers.export.label')}</Button>
    </Dropdown>
  );
}
