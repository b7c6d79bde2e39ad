import { Alert, App, Form, Grid, Modal } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { Customer, DuplicateMatch } from '../../api/types';
import { useCurrentUser } from '../../components/CurrentUser';
import { showServerErrors } from '../../lib/errors';
import { useDebounced } from '../../lib/useDebounced';
import { useUsers } from '../settings/api';
import { useCustomFieldDefs, useSourceChannels } from '../settings/archive/api';
import {
  type DuplicateProbe,
  useCreateCustomer,
  useDuplicateCheck,
  useUpdateCustomer,
} from './api';
import { CustomerFields } from './CustomerFields';
import { DuplicateNotice } from './DuplicateNotice';

type CustomValue = string | number | boolean | null;

interface Values {
  name: string;
  phone?: string;
  email?: string;
  website?: string;
  source?: string | null;
  industry?: string;
  headcount?: number | null;
  country?: string;
  province?: string;
  city?: string;
  address?: string;
  tags?: string[];
  ownerId?: string | null;
  custom?: Record<string, CustomValue | undefined>;
}

const TEXT_FIELDS = [
  'name',
  'phone',
  'email',
  'website',
  'industry',
  'country',
  'province',
  'city',
  'address',
] as const;
const FIELDS = [...TEXT_FIELDS, 'source', 'headcount', 'tags', 'ownerId', 'custom'] as const;
const IDENTITY = new Set(['name', 'phone', 'email', 'website']);

function valuesOf(customer: Customer): Values {
  return {
    ...Object.fromEntries(TEXT_FIELDS.map((field) => [field, customer[field] ?? ''])),
    name: customer.name,
    source: customer.source,
    headcount: customer.headcount,
    tags: customer.tags,
    custom: customer.custom,
  };
}

const text = (value: string | undefined) => value?.trim() || null;

/** The body the server takes: trimmed texts, nulls for emptied fields. */
function bodyOf(values: Values) {
  const custom = Object.fromEntries(
    Object.entries(values.custom ?? {}).map(([key, value]) => [key, value ?? null]),
  );
  return {
    ...Object.fromEntries(TEXT_FIELDS.map((field) => [field, text(values[field])])),
    name: values.name.trim(),
    source: values.source ?? null,
    headcount: values.headcount ?? null,
    tags: values.tags ?? [],
    custom,
  };
}

/** Only what the user changed, so an edit never overwrites someone else's change to another field. */
function changesOf(before: Customer, values: Values): Record<string, unknown> {
  const after = bodyOf(values);
  const changed: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(after)) {
    if (field === 'custom') continue;
    const old = before[field as keyof Customer] ?? null;
    if (JSON.stringify(old) !== JSON.stringify(value)) changed[field] = value;
  }
  const custom = Object.fromEntries(
    Object.entries(after.custom).filter(([key, value]) => (before.custom[key] ?? null) !== value),
  );
  if (Object.keys(custom).length > 0) changed.custom = custom;
  return changed;
}

export function CustomerFormModal(props: {
  mode: 'create' | 'edit';
  customer?: Customer;
  onClose: (saved?: Customer) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const phone = Grid.useBreakpoint().md === false;
  const [form] = Form.useForm<Values>();
  const create = useCreateCustomer();
  const update = useUpdateCustomer();
  const channels = useSourceChannels();
  const customFields = useCustomFieldDefs();
  const chooseOwner = props.mode === 'create' && me.role !== 'rep';
  const users = useUsers();
  const [base, setBase] = useState(props.customer);
  const [problem, setProblem] = useState<{ type: 'error' | 'warning'; text: string } | null>(null);
  // Set when the server refused a possible duplicate: saving again confirms it.
  const [refused, setRefused] = useState<DuplicateMatch[] | null>(null);

  const name = Form.useWatch('name', form);
  const phoneNumber = Form.useWatch('phone', form);
  const email = Form.useWatch('email', form);
  const website = Form.useWatch('website', form);
  const probeKey = useDebounced(
    JSON.stringify({
      name: name?.trim() || undefined,
      phone: phoneNumber?.trim() || undefined,
      email: email?.trim() || undefined,
      website: website?.trim() || undefined,
      excludeId: base?.id,
    }),
    400,
  );
  const probe = useMemo(() => JSON.parse(probeKey) as DuplicateProbe, [probeKey]);
  const duplicates = useDuplicateCheck(probe);

  async function onFinish(values: Values) {
    setProblem(null);
    const confirmDuplicate = refused !== null;
    try {
      if (props.mode === 'create') {
        const created = await create.mutateAsync({
          ...bodyOf(values),
          ...(chooseOwner ? { ownerId: values.ownerId ?? null } : {}),
          confirmDuplicate,
        });
        message.success(t('customers.created', { name: created.name }));
        props.onClose(created);
      } else if (base) {
        const changed = changesOf(base, values);
        const saved =
          Object.keys(changed).length > 0
            ? await update.mutateAsync({
                id: base.id,
                version: base.version,
                ...changed,
                confirmDuplicate,
              })
            : base;
        if (saved !== base) message.success(t('customers.saved', { name: saved.name }));
        props.onClose(saved);
      }
    } catch (error) {
      if (error instanceof ApiError && error.code === 'duplicate_customer') {
        setRefused((error.problem.matches as DuplicateMatch[] | undefined) ?? []);
        return;
      }
      if (error instanceof ApiError && error.code === 'version_conflict') {
        const current = error.problem.current as Customer | undefined;
        if (current) {
          setBase(current);
          form.setFieldsValue(valuesOf(current));
        }
        setProblem({ type: 'warning', text: t('errors.versionConflict') });
        return;
      }
      const said = showServerErrors(t, form, FIELDS, error);
      if (said) setProblem({ type: 'error', text: said });
    }
  }

  const live = duplicates.data ?? [];
  const saving = create.isPending || update.isPending;
  const okText = refused
    ? t('customers.duplicates.saveAnyway')
    : props.mode === 'create'
      ? t('common.create')
      : t('common.save');

  return (
    <Modal
      open
      width={720}
      title={props.mode === 'create' ? t('customers.create') : t('customers.edit')}
      okText={okText}
      okButtonProps={{ htmlType: 'submit', loading: saving, danger: refused !== null }}
      onCancel={() => props.onClose()}
      // Next to the button, so it is in view whichever field the user typed last.
      footer={(buttons) => (
        <>
          <DuplicateNotice matches={refused ?? live} confirming={refused !== null} />
          {buttons}
        </>
      )}
      destroyOnHidden
      style={phone ? { top: 12 } : undefined}
      modalRender={(dom) => (
        <Form<Values>
          form={form}
          name="customer"
          layout="vertical"
          initialValues={props.customer ? valuesOf(props.customer) : { tags: [] }}
          onFinish={onFinish}
          onValuesChange={(changed) => {
            // A changed name, phone or site is a new question: ask the server again first.
            if (Object.keys(changed).some((field) => IDENTITY.has(field))) setRefused(null);
          }}
        >
          {dom}
        </Form>
      )}
    >
      {problem && (
        <Alert type={problem.type} showIcon title={problem.text} style={{ marginBottom: 16 }} />
      )}
      <CustomerFields
        channels={channels.data ?? []}
        customFields={customFields.data ?? []}
        owners={chooseOwner ? (users.data ?? []).filter((user) => user.active) : undefined}
        currentSource={base?.source}
      />
    </Modal>
  );
}
