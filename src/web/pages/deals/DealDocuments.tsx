import FileTextOutlined from '@ant-design/icons/es/icons/FileTextOutlined';
import PlusOutlined from '@ant-design/icons/es/icons/PlusOutlined';
import { Button, Flex, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, ListSkeleton } from '../../components/PageStates';
import { currentLocale } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { documentKindLabel } from '../funnels/labels';
import { useDealDocuments } from './api';
import { DocumentDialog } from './DocumentDialog';

/** Documents attached to the deal (needs report, proposal, quote…); key actions count them. */
export function DealDocuments({ dealId, editable }: { dealId: string; editable: boolean }) {
  const { t } = useTranslation();
  const documents = useDealDocuments(dealId);
  const [adding, setAdding] = useState(false);
  const locale = currentLocale();
  return (
    <Flex vertical gap={12}>
      {editable && (
        <Button
          icon={<PlusOutlined />}
          onClick={() => setAdding(true)}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('deals.addDocument')}
        </Button>
      )}
      {documents.isPending ? (
        <ListSkeleton rows={2} />
      ) : documents.isError ? (
        <ErrorState error={documents.error} onRetry={() => void documents.refetch()} />
      ) : (
        <List
          locale={{ emptyText: t('deals.documents.empty') }}
          dataSource={documents.data}
          renderItem={(document) => (
            <List.Item>
              <List.Item.Meta
                avatar={<FileTextOutlined />}
                title={
                  <Flex gap={8} wrap align="center">
                    {document.url ? (
                      <Typography.Link
                        href={document.url}
                        target="_blank"
                        rel="noopener noreferrer"
                      >
                        {document.name}
                      </Typography.Link>
                    ) : (
                      document.name
                    )}
                    <Tag>{documentKindLabel(t, document.kind)}</Tag>
                  </Flex>
                }
                description={
                  <>
                    {document.note && <div>{document.note}</div>}
                    {t('deals.documents.addedBy', {
                      name: document.addedByName ?? '—',
                      time: formatDateTime(document.addedAt, locale),
                    })}
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
      {adding && <DocumentDialog dealId={dealId} onClose={() => setAdding(false)} />}
    </Flex>
  );
}
