import InboxOutlined from '@ant-design/icons/es/icons/InboxOutlined';
import { Alert, Flex, Form, Grid, Radio, Spin, Steps, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportKind, ImportPreview } from '../../api/types';
import { FILE_TYPES, hasAcceptedType, previewImport } from './api';
import { refusalMessage } from './labels';
import { MappingStep } from './MappingStep';

type Loaded = { file: File; preview: ImportPreview };

/** Where the user is: file, mapping, result. On a phone the page itself says it. */
export function ImportSteps({ current }: { current: number }) {
  const { t } = useTranslation();
  if (Grid.useBreakpoint().md === false) return null;
  return (
    <Steps
      size="small"
      current={current}
      items={[
        { title: t('imports.step.upload') },
        { title: t('imports.step.mapping') },
        { title: t('imports.step.result') },
      ]}
    />
  );
}

/** Steps 1 and 2 of an import: the kind and the file, then the mapping and the preview. */
export function NewImport({ onStarted }: { onStarted: (id: string) => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ImportKind>('sales');
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [reading, setReading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const choose = async (file: File) => {
    setProblem(null);
    if (!hasAcceptedType(file.name)) {
      setProblem(t('imports.refused.wrongType', { name: file.name }));
      return;
    }
    setReading(true);
    try {
      setLoaded({ file, preview: await previewImport({ file, kind }) });
    } catch (error) {
      setProblem(refusalMessage(t, error));
    } finally {
      setReading(false);
    }
  };

  return (
    <Flex vertical gap={16}>
      <ImportSteps current={loaded ? 1 : 0} />
      {loaded ? (
        <MappingStep
          key={loaded.file.name + loaded.file.lastModified}
          file={loaded.file}
          preview={loaded.preview}
          onStarted={onStarted}
          onCancel={() => setLoaded(null)}
        />
      ) : (
        <>
          <Form.Item label={t('imports.kind.label')} style={{ marginBottom: 0 }}>
            <Radio.Group
              aria-label={t('imports.kind.label')}
              optionType="button"
              buttonStyle="solid"
              value={kind}
              onChange={(event) => setKind(event.target.value as ImportKind)}
              options={[
                { value: 'sales', label: t('imports.kind.sales') },
                { value: 'customers', label: t('imports.kind.customers') },
              ]}
            />
          </Form.Item>
          <Typography.Text type="secondary">
            {kind === 'sales' ? t('imports.kind.salesHint') : t('imports.kind.customersHint')}
          </Typography.Text>
          <Spin spinning={reading} description={t('imports.reading')}>
            <Upload.Dragger
              accept={FILE_TYPES.join(',')}
              multiple={false}
              showUploadList={false}
              // The file stays in the browser until the preview and the run send it.
              beforeUpload={(file) => {
                void choose(file);
                return Upload.LIST_IGNORE;
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('imports.dropFile')}</p>
              <p className="ant-upload-hint">{t('imports.fileTypes')}</p>
            </Upload.Dragger>
          </Spin>
          {problem && (
            <Alert type="error" showIcon title={t('imports.refused.title')} description={problem} />
          )}
        </>
      )}
    </Flex>
  );
}
