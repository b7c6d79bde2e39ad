import BookOutlined from '@ant-design/icons/es/icons/BookOutlined';
import { Button, Collapse, Flex, Popover, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FunnelStage } from '../../api/types';

/** The stage's 话术 and 异议处理, as reps read them on a deal in that stage. */
export function StageGuide({ stage }: { stage: FunnelStage }) {
  const { t } = useTranslation();
  if (stage.scripts.length === 0 && stage.objections.length === 0 && !stage.definition) {
    return <Typography.Text type="secondary">{t('deals.guide.empty')}</Typography.Text>;
  }
  return (
    <Flex vertical gap={12}>
      {stage.definition && (
        <div>
          <Typography.Text strong>{t('funnels.definition')}</Typography.Text>
          <Typography.Paragraph style={{ marginBottom: 0 }}>
            {stage.definition}
          </Typography.Paragraph>
        </div>
      )}
      {stage.scripts.length > 0 && (
        <div>
          <Typography.Text strong>{t('funnels.scripts')}</Typography.Text>
          <ol style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
            {stage.scripts.map((script) => (
              <li key={script} style={{ marginBottom: 4 }}>
                {script}
              </li>
            ))}
          </ol>
        </div>
      )}
      {stage.objections.length > 0 && (
        <div>
          <Typography.Text strong>{t('funnels.objections')}</Typography.Text>
          <Collapse
            size="small"
            style={{ marginTop: 4 }}
            items={stage.objections.map((item, index) => ({
              key: String(index),
              label: item.objection,
              children: (
                <Typography.Paragraph style={{ margin: 0 }}>{item.answer}</Typography.Paragraph>
              ),
            }))}
          />
        </div>
      )}
    </Flex>
  );
}

/** One click from the card: the stage's scripts and objection answers in a popover. */
export function StageGuideButton({
  stage,
  dealName,
}: {
  stage: FunnelStage | undefined;
  dealName: string;
}) {
  const { t } = useTranslation();
  if (!stage) return null;
  return (
    <Popover
      trigger="click"
      placement="bottomLeft"
      title={t('deals.guide.title', { stage: stage.name })}
      content={
        <div style={{ maxWidth: 'min(420px, 85vw)', maxHeight: 420, overflowY: 'auto' }}>
          <StageGuide stage={stage} />
        </div>
      }
    >
      <Button
        type="text"
        size="small"
        icon={<BookOutlined />}
        aria-label={t('deals.guide.open', { name: dealName })}
        title={t('deals.guide.short')}
      />
    </Popover>
  );
}
