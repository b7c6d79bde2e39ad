import DownloadOutlined from '@ant-design/icons/es/icons/DownloadOutlined';
import { App, Button, Dropdown } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { API_BASE, ApiError, query } from '../../api/client';
import { currentLocale } from '../../i18n';
import { describeError } from '../../lib/errors';
import type { ListParams } from './api';

/** The file name the server gave in content-disposition, else a plain one. */
function fileNameOf(response: Response, format: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  return /filename="([^"]+)"/.exec(header)?.[1] ?? `customers.${format}`;
}

/**
 * Downloads the list as it is filtered now (.xlsx or CSV); the session cookie carries the
 * login. Fetched rather than linked, so a refusal (the daily export quota) shows as a message
 * instead of a downloaded error document.
 */
export function ExportButton(props: { filters: ListParams }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  // Column headers in the language on screen.
  const href = (format: 'xlsx' | 'csv') =>
    `${API_BASE}/customers/export${query({ ...props.filters, format, lang: currentLocale() })}`;

  async function download(format: 'xlsx' | 'csv') {
    setBusy(true);
    try {
      const response = await fetch(href(format), { credentials: 'same-origin' });
      if (!response.ok) {
        const problem = await response.json().catch(() => ({ status: response.status }));
        throw new ApiError(response.status, problem as Record<string, unknown>);
      }
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = fileNameOf(response, format);
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      message.error(
        error instanceof ApiError && error.code === 'export_quota_exceeded'
          ? t('customers.export.quotaExceeded', {
              requested: error.problem.requested,
              left: Math.max(0, Number(error.problem.quota) - Number(error.problem.used)),
              quota: error.problem.quota,
            })
          : describeError(t, error),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dropdown
      menu={{
        items: [
          { key: 'xlsx', label: t('customers.export.xlsx') },
          { key: 'csv', label: t('customers.export.csv') },
        ],
        onClick: ({ key }) => void download(key as 'xlsx' | 'csv'),
      }}
    >
      <Button icon={<DownloadOutlined />} loading={busy}>
        {t('customers.export.label')}
      </Button>
    </Dropdown>
  );
}
