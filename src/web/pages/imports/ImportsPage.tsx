import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ImportHistory } from './ImportHistory';
import { ImportReport } from './ImportReport';
import { ImportSteps, NewImport } from './NewImport';

/**
 * 导入: sales reports and customer lists from .xlsx/.xls/.csv. The job on screen is in the
 * URL (?job=…), so its progress and report survive a reload and history rows link to it.
 */
export default function ImportsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const jobId = params.get('job');

  const open = (id: string) => {
    setParams({ job: id });
    window.scrollTo({ top: 0 });
  };

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('nav.imports')}
      </Typography.Title>
      <Card>
        {jobId ? (
          <Flex vertical gap={16}>
            <ImportSteps current={2} />
            <ImportReport key={jobId} id={jobId} onNew={() => setParams({})} />
          </Flex>
        ) : (
          <NewImport onStarted={open} />
        )}
      </Card>
      <Card title={t('imports.history.title')}>
        <ImportHistory onOpen={open} />
      </Card>
    </Flex>
  );
}
