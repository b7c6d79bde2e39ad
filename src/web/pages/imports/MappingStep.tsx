import {
  Alert,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Radio,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { DuplicateMode, ImportMapping, ImportPreview } from '../../api/types';
import { previewImport, useStartImport } from './api';
import { fieldLabel, refusalMessage } from './labels';
import { PreviewTable } from './PreviewTable';

interface MappingStepProps {
  file: File;
  preview: ImportPreview;
  onStarted: (id: string) => void;
  onCancel: () => void;
}

/** Server errors on `body.mapping.<field>` by field; anything else is said above the form. */
function mappingErrors(error: unknown): Record<string, string> | null {
  if (!(error instanceof ApiError)) return null;
  const byField: Record<string, string> = {};
  for (const item of error.errors) {
    const field = /^body\.mapping\.(\w+)$/.exec(item.field)?.[1];
    if (!field) return null;
    byField[field] = item.message;
  }
  return Object.keys(byField).length > 0 ? byField : null;
}

/** Step 2: each field's column (the guess preselected), the first rows as read, the options, run. */
export function MappingStep({ file, preview: initial, onStarted, onCancel }: MappingStepProps) {
  const { t } = useTranslation();
  const [preview, setPreview] = useState(initial);
  const [mapping, setMapping] = useState<ImportMapping>(initial.mapping);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  const [createCustomers, setCreateCustomers] = useState(true);
  const [onDuplicate, setOnDuplicate] = useState<DuplicateMode>('skip');
  const start = useStartImport();
  const latest = useRef(0);
  const kind = initial.kind;

  const failed = (error: unknown) => {
    const byField = mappingErrors(error);
    if (byField) setFieldErrors(byField);
    else setProblem(refusalMessage(t, error));
  };

  // The server reads the rows again with the new mapping: values and row problems follow it.
  const changeMapping = async (field: string, header: string | null) => {
    const next = { ...mapping, [field]: header };
    setMapping(next);
    setFieldErrors({});
    setProblem(null);
    const call = ++latest.current;
    setRefreshing(true);
    try {
      const fresh = await previewImport({ file, kind, mapping: next });
      if (call === latest.current) setPreview(fresh);
    } catch (error) {
      if (call === latest.current) failed(error);
    } finally {
      if (call === latest.current) setRefreshing(false);
    }
  };

  const run = async () => {
    setProblem(null);
    try {
      const { id } = await start.mutateAsync({
        file,
        kind,
        mapping,
        ...(kind === 'sales' ? { createCustomers } : { onDuplicate }),
      });
      onStarted(id);
    } catch (error) {
      failed(error);
    }
  };

  const used = new Set(Object.values(mapping).filter(Boolean));
  const unmappedColumns = preview.headers.filter((header) => header && !used.has(header));
  const missingRequired = preview.fields.filter((field) => field.required && !mapping[field.key]);
  const columnOptions = preview.headers
    .filter(Boolean)
    .map((header) => ({ value: header, label: header }));

  return (
    <Flex vertical gap={16}>
      <Typography.Text type="secondary">
        {t('imports.mapping.found', {
          file: file.name,
          row: preview.headerRow,
          rows: preview.totalRows,
        })}
        {preview.sheetName ? ` · ${t('imports.mapping.sheet', { name: preview.sheetName })}` : ''}
        {preview.encoding
          ? ` · ${t('imports.mapping.encoding', { encoding: preview.encoding.toUpperCase() })}`
          : ''}
      </Typography.Text>

      <Card size="small" title={t('imports.mapping.title')}>
        <Typography.Paragraph type="secondary">{t('imports.mapping.hint')}</Typography.Paragraph>
        <Form layout="vertical" component="div">
          <Row gutter={[16, 0]}>
            {preview.fields.map((field) => {
              const value = mapping[field.key] ?? null;
              const guessed = value !== null && value === preview.guessedMapping[field.key];
              const error = fieldErrors[field.key];
              return (
                <Col key={field.key} xs={24} sm={12} lg={8} xl={6}>
                  <Form.Item
                    label={
                      <Space size={4}>
                        {fieldLabel(t, field.key)}
                        {guessed && <Tag color="blue">{t('imports.mapping.guessed')}</Tag>}
                      </Space>
                    }
                    htmlFor={`map-${field.key}`}
                    required={field.required}
                    validateStatus={error || (field.required && !value) ? 'error' : undefined}
                    help={
                      error ??
                      (field.required && !value ? t('imports.mapping.requiredField') : undefined)
                    }
                  >
                    <Select
                      id={`map-${field.key}`}
                      allowClear
                      showSearch
                      value={value}
                      placeholder={t('imports.mapping.notImported')}
                      options={columnOptions}
                      onChange={(header?: string | null) =>
                        void changeMapping(field.key, header ?? null)
                      }
                    />
                  </Form.Item>
                </Col>
              );
            })}
          </Row>
        </Form>
        {unmappedColumns.length > 0 && (
          <Typography.Text type="secondary">
            {t('imports.mapping.unmapped', { columns: unmappedColumns.join('、') })}
          </Typography.Text>
        )}
      </Card>

      <Card
        size="small"
        title={t('imports.preview.title', { count: preview.rows.length })}
        extra={
          refreshing ? (
            <Typography.Text type="secondary">{t('imports.preview.refreshing')}</Typography.Text>
          ) : null
        }
      >
        <PreviewTable preview={preview} mapping={mapping} />
      </Card>

      <Card size="small" title={t('imports.options.title')}>
        {kind === 'sales' ? (
          <Form.Item label={t('imports.options.unknownCustomers')} style={{ marginBottom: 0 }}>
            <Radio.Group
              value={createCustomers}
              onChange={(event) => setCreateCustomers(event.target.value as boolean)}
              options={[
                { value: true, label: t('imports.options.createInPool') },
                { value: false, label: t('imports.options.reportUnknown') },
              ]}
            />
          </Form.Item>
        ) : (
          <Form.Item label={t('imports.options.onDuplicate')} style={{ marginBottom: 0 }}>
            <Radio.Group
              value={onDuplicate}
              onChange={(event) => setOnDuplicate(event.target.value as DuplicateMode)}
              options={[
                { value: 'skip', label: t('imports.options.duplicateSkip') },
                { value: 'update', label: t('imports.options.duplicateUpdate') },
                { value: 'create', label: t('imports.options.duplicateCreate') },
              ]}
            />
          </Form.Item>
        )}
      </Card>

      {problem && <Alert type="error" showIcon title={problem} />}
      <Flex gap={8} justify="flex-end" wrap>
        <Button onClick={onCancel}>{t('imports.chooseAnother')}</Button>
        <Button
          type="primary"
          loading={start.isPending}
          disabled={missingRequired.length > 0 || refreshing || Object.keys(fieldErrors).length > 0}
          onClick={() => void run()}
        >
          {t('imports.run')}
        </Button>
      </Flex>
    </Flex>
  );
}
