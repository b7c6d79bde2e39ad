import { Alert, Radio, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** One field both the user and someone else changed: what each of them has. */
export interface MergeField {
  /** The form path: 'city', or ['custom', key]. */
  path: string | [string, string];
  label: string;
  mine: unknown;
  theirs: unknown;
  choice: 'mine' | 'theirs';
}

export const pathKey = (path: MergeField['path']) => (Array.isArray(path) ? path.join('.') : path);

function shown(value: unknown, empty: string): string {
  if (value === null || value === undefined || value === '') return empty;
  if (Array.isArray(value)) return value.length === 0 ? empty : value.join(', ');
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  return String(value);
}

/**
 * The merge prompt after a 409: someone saved the record while the user was editing it. The
 * form now holds the latest record with the user's own edits laid over it; for each field both
 * changed, the user picks whose value to keep, then saves against the latest version.
 */
export function VersionMerge(props: {
  fields: MergeField[];
  onChoose: (field: MergeField, choice: 'mine' | 'theirs') => void;
}) {
  const { t } = useTranslation();
  const empty = t('customers.merge.empty');
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('customers.merge.title')}
      description={
        props.fields.length === 0 ? (
          t('customers.merge.noOverlap')
        ) : (
          <>
            <Typography.Paragraph style={{ marginBottom: 8 }}>
              {t('customers.merge.intro')}
            </Typography.Paragraph>
            <Table<MergeField>
              size="small"
              pagination={false}
              rowKey={(field) => pathKey(field.path)}
              dataSource={props.fields}
              aria-label={t('customers.merge.title')}
              columns={[
                { title: t('customers.merge.field'), dataIndex: 'label' },
                {
                  title: t('customers.merge.choose'),
                  render: (_, field) => (
                    <Radio.Group
                      value={field.choice}
                      onChange={(event) => props.onChoose(field, event.target.value)}
                      aria-label={`${t('customers.merge.choose')}: ${field.label}`}
                    >
                      <Radio value="mine">
                        {t('customers.merge.mine')}:{' '}
                        <Typography.Text strong>{shown(field.mine, empty)}</Typography.Text>
                      </Radio>
                      <Radio value="theirs">
                        {t('customers.merge.theirs')}:{' '}
                        <Typography.Text strong>{shown(field.theirs, empty)}</Typography.Text>
                      </Radio>
                    </Radio.Group>
                  ),
                },
              ]}
            />
          </>
        )
      }
    />
  );
}
