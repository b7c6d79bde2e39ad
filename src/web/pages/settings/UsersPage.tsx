import { Alert, Card, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCurrentUser } from '../../components/CurrentUser';
import { TeamsPanel } from './TeamsPanel';
import { UsersPanel } from './UsersPanel';

/** 设置 → 用户与团队: admins manage accounts and teams; managers see them read-only. */
export default function UsersPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const editable = me.role === 'admin';
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'teams' ? 'teams' : 'users';

  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('nav.usersAndTeams')}
      </Typography.Title>
      {!editable && (
        <Alert type="info" showIcon title={t('settings.readOnly')} style={{ marginBottom: 16 }} />
      )}
      <Card styles={{ body: { paddingTop: 8 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'teams' ? { tab: 'teams' } : {}, { replace: true })}
          items={[
            {
              key: 'users',
              label: t('settings.usersTab'),
              children: <UsersPanel editable={editable} />,
            },
            {
              key: 'teams',
              label: t('settings.teamsTab'),
              children: <TeamsPanel editable={editable} />,
            },
          ]}
        />
      </Card>
    </>
  );
}
