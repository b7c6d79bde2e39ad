import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FunnelStage, FunnelTemplate } from '../../api/types';

/** What a template brings, stage by stage: entry criteria and key actions as the seeds give them. */
export function TemplateStages({ template }: { template: FunnelTemplate }) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Text strong>
        {t('funnels.templateStages', { name: template.name })}
      </Typography.Text>
      <Table<FunnelStage>
        size="small"
        rowKey="key"
        pagination={false}
        style={{ marginTop: 8 }}
        scroll={{ x: 'max-content', y: 320 }}
        dataSource={template.stages}
        columns={[
          { key: 'name', title: t('funnels.stageName'), dataIndex: 'name', width: 120 },
          {
            key: 'probability',
            title: t('funnels.probability'),
            dataIndex: 'probability',
            width: 70,
            align: 'right',
            render: (value: number) => `${value}%`,
          },
          {
            key: 'criteria',
            title: t('funnels.criteria'),
            dataIndex: 'criteria',
            width: 300,
            render: (_, stage) => <Items items={stage.criteria.map((item) => item.label)} />,
          },
          {
            key: 'keyActions',
            title: t('funnels.keyActions'),
            dataIndex: 'keyActions',
            width: 300,
            render: (_, stage) => (
              <Items
                items={stage.keyActions.map((action) =>
                  action.minCount > 1 ? `${action.label} ×${action.minCount}` : action.label,
                )}
              />
            ),
          },
        ]}
      />
    </>
  );
}

function Items({ items }: { items: string[] }) {
  if (items.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 16, whiteSpace: 'normal' }}>
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}
