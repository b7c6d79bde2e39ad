import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCurrentUser } from '../components/CurrentUser';
import { Result } from '../components/LazyResult';

function HomeButton() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Button type="primary" onClick={() => navigate('/')}>
      {t('status.backHome')}
    </Button>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={t('status.notFoundTitle')}
      subTitle={t('status.notFoundText')}
      extra={<HomeButton />}
    />
  );
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="403"
      title={t('status.forbiddenTitle')}
      subTitle={t('status.forbiddenText')}
      extra={<HomeButton />}
    />
  );
}

/** Home for a role that has no page yet: say so honestly instead of showing an empty shell. */
export function NoPagesYet() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <Result
      status="info"
      title={t('status.welcome', { name: user.name })}
      subTitle={t('status.noPagesYet')}
    />
  );
}
