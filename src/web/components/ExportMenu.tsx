import DownloadOutlined from '@ant-design/icons/es/icons/DownloadOutlined';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';

export type ExportFormat = 'xlsx' | 'csv';

/** A report's "Export" button: the numbers as .xlsx or CSV, from the server's export route. */
export function ExportMenu({ hrefFor }: { hrefFor: (format: ExportFormat) => string }) {
  const { t } = useTranslation();
  return (
    <Dropdown
      menu={{
        items: (['xlsx', 'csv'] as const).map((format) => ({
          key: format,
          label: (
            <a href={hrefFor(format)} download>
              {format === 'xlsx' ? t('funnelReport.exportXlsx') : t('funnelReport.exportCsv')}
            </a>
          ),
        })),
      }}
    >
      <Button icon={<DownloadOutlined />}>{t('funnelReport.export')}</Button>
    </Dropdown>
  );
}
