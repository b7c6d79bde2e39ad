import { Alert, Flex, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DuplicateMatch } from '../../api/types';

function matchedOnLabel(t: TFunction, on: DuplicateMatch['matchedOn'][number]): string {
  switch (on) {
    case 'name':
      return t('customers.duplicates.onName');
    case 'phone':
      return t('customers.duplicates.onPhone');
    case 'domain':
      return t('customers.duplicates.onDomain');
  }
}

/**
 * Customers this one may duplicate, each with its owner and what matched. `confirming`: the
 * server refused to save, and saving again means the user has seen them and goes ahead.
 */
export function DuplicateNotice(props: { matches: DuplicateMatch[]; confirming: boolean }) {
  const { t } = useTranslation();
  if (props.matches.length === 0) return null;
  return (
    <Alert
      type={props.confirming ? 'error' : 'warning'}
      showIcon
      style={{ marginBottom: 12, textAlign: 'start' }}
      title={
        props.confirming ? t('customers.duplicates.refused') : t('customers.duplicates.possible')
      }
      description={
        <Flex vertical gap={4}>
          {props.matches.slice(0, 5).map((match) => (
            <Flex key={match.id} gap={6} wrap align="center">
              <Link to={`/customers/${match.id}`} target="_blank">
                {match.name}
              </Link>
              <Typography.Text type="secondary">
                {match.ownerName
                  ? t('customers.duplicates.ownedBy', { name: match.ownerName })
                  : t('customers.pool')}
              </Typography.Text>
              {match.matchedOn.map((on) => (
                <Tag key={on} color="orange" style={{ marginInlineEnd: 0 }}>
                  {matchedOnLabel(t, on)}
                </Tag>
              ))}
            </Flex>
          ))}
          {props.confirming && (
            <Typography.Text>{t('customers.duplicates.confirmHint')}</Typography.Text>
          )}
        </Flex>
      }
    />
  );
}
