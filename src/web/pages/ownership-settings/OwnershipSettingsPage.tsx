import { Col, Flex, Row, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorState, ListSkeleton } from '../../components/PageStates';
import { usePoolSettings } from '../pool/api';
import { LapseRulesCard } from './LapseRulesCard';
import { LimitOverridesCard } from './LimitOverridesCard';
import { PolicyCard } from './PolicyCard';
import { TerritoriesCard } from './TerritoriesCard';

/** 设置 → 归属规则 (admins): holding limits, cool-down, quota, grid teams and lapse rules. */
export default function OwnershipSettingsPage() {
  const { t } = useTranslation();
  const settings = usePoolSettings();
  return (
    <>
      <Flex vertical style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('nav.ownershipRules')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('ownership.intro')}</Typography.Text>
      </Flex>
      {settings.isPending ? (
        <ListSkeleton rows={10} />
      ) : settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <Tabs
          items={[
            {
              key: 'limits',
              label: t('ownership.tabs.limits'),
              children: (
                <Row gutter={[16, 16]}>
                  <Col xs={24} xl={12}>
                    <PolicyCard key={settings.data.version} settings={settings.data} />
                  </Col>
                  <Col xs={24} xl={12}>
                    <Flex vertical gap={16}>
                      <LimitOverridesCard orgDefault={settings.data.holdingLimit} />
                      <TerritoriesCard spillDays={settings.data.gridSpillDays} />
                    </Flex>
                  </Col>
                </Row>
              ),
            },
            { key: 'rules', label: t('ownership.tabs.rules'), children: <LapseRulesCard /> },
          ]}
        />
      )}
    </>
  );
}
