import { Alert, Button, Form, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { describeError, showServerErrors } from '../../lib/errors';
import { type MovedWork, useAssign, useHoldings } from './api';

function openWorkOf(error: unknown): MovedWork | null {
  if (!(error instanceof ApiError) || error.code !== 'conflict') return null;
  const work = error.problem.openWork as MovedWork | undefined;
  return work && typeof work.tasks === 'number' ? work : null;
}

/**
 * 分配/转移 (managers, admins): give a customer to a rep. When the previous owner still has
 * open tasks or deals on it, the server asks first; the user chooses whether they move along.
 */
export function AssignModal(props: {
  customer: { id: string; name: string; ownerId: string | null };
  onClose: (moved: MovedWork | null) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ ownerId: string }>();
  const holdings = useHoldings(true);
  const assign = useAssign();
  const [openWork, setOpenWork] = useState<MovedWork | null>(null);
  // Kept here: the confirmation step replaces the form that chose the owner.
  const [chosen, setChosen] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const send = (ownerId: string, moveOpenWork?: boolean) => {
    setProblem(null);
    setChosen(ownerId);
    assign.mutate(
      { id: props.customer.id, ownerId, moveOpenWork },
      {
        onSuccess: (result) => props.onClose(result.moved),
        onError: (error) => {
          const work = openWorkOf(error);
          if (work) return setOpenWork(work);
          if (error instanceof ApiError && error.code === 'holding_limit_reached') {
            const { holding, limit } = error.problem;
            return setProblem(t('myList.assign.full', { holding, limit }));
          }
          setProblem(showServerErrors(t, form, ['ownerId'], error) ?? describeError(t, error));
        },
      },
    );
  };

  const options = (holdings.data ?? [])
    .filter((row) => row.userId !== props.customer.ownerId)
    .map((row) => ({
      value: row.userId,
      label: `${row.name}（${t('pool.holdings.count', { count: row.count, limit: row.limit })}）`,
      disabled: row.remaining === 0,
    }));

  if (openWork && chosen) {
    const ownerId = chosen;
    return (
      <Modal
        open
        title={t('myList.assign.confirmTitle')}
        okText={t('myList.assign.moveAlong')}
        cancelText={t('common.cancel')}
        confirmLoading={assign.isPending}
        onOk={() => send(ownerId, true)}
        onCancel={() => props.onClose(null)}
        footer={(_, { OkBtn, CancelBtn }) => (
          <>
            <CancelBtn />
            <Button onClick={() => send(ownerId, false)}>{t('myList.assign.leave')}</Button>
            <OkBtn />
          </>
        )}
      >
        <Typography.Paragraph>
          {t('myList.assign.openWork', {
            name: props.customer.name,
            tasks: openWork.tasks,
            deals: openWork.deals,
          })}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t('myList.assign.leaveHint')}</Typography.Paragraph>
        {problem && <Alert type="error" showIcon title={problem} />}
      </Modal>
    );
  }

  return (
    <Modal
      open
      title={t('myList.assign.title', { name: props.customer.name })}
      okText={t('myList.assign.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={assign.isPending}
      onOk={() => form.submit()}
      onCancel={() => props.onClose(null)}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(values) => send(values.ownerId)}>
        <Form.Item
          name="ownerId"
          label={t('myList.assign.owner')}
          extra={t('myList.assign.ownerHint')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            loading={holdings.isPending}
            options={options}
          />
        </Form.Item>
        {problem && <Alert type="error" showIcon title={problem} />}
      </Form>
    </Modal>
  );
}
