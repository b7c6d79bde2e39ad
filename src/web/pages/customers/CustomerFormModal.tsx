import { Alert, App, Form, Grid, Modal } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
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
import { type MergeField, pathKey, VersionMerge } from './VersionMerge';

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

/** Each field's label key, spelled out so the catalogue check can see them. */
const FIELD_LABELS = {
  name: 'customers.fields.name',
  phone: 'customers.fields.phone',
  email: 'customers.fields.email',
  website: 'customers.fields.website',
  industry: 'customers.fields.industry',
  country: 'customers.fields.country',
  province: 'customers.fields.province',
  city: 'customers.fields.city',
  address: 'customers.fields.address',
  source: 'customers.fields.source',
  headcount: 'customers.fields.headcount',
  tags: 'customers.fields.tags',
  ownerId: 'customers.fields.owner',
} as const;

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

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * After a 409: the latest record with the user's edits laid over it, and the fields both the
 * user and the other editor changed (to different values), which the user settles one by one.
 */
function mergeAfterConflict(
  base: Customer,
  current: Customer,
  values: Values,
  labelOf: (path: MergeField['path']) => string,
): { merged: Values; fields: MergeField[] } {
  const mine = changesOf(base, values);
  const merged: Values = { ...valuesOf(current), custom: { ...current.custom } };
  const fields: MergeField[] = [];
  for (const [field, value] of Object.entries(mine)) {
    if (field === 'custom') {
      for (const [key, own] of Object.entries(value as Record<string, CustomValue>)) {
        (merged.custom as Record<string, CustomValue | undefined>)[key] = values.custom?.[key];
        const theirs = current.custom[key];
        if (!same(theirs, base.custom[key]) && !same(theirs, own)) {
          const path: [string, string] = ['custom', key];
          fields.push({ path, label: labelOf(path), mine: own, theirs, choice: 'mine' });
        }
      }
      continue;
    }
    const name = field as keyof Values & keyof Customer;
    (merged as unknown as Record<string, unknown>)[name] = values[name];
    if (!same(current[name], base[name]) && !same(current[name], value)) {
      fields.push({
        path: name,
        label: labelOf(name),
        mine: value,
        theirs: current[name],
        choice: 'mine',
      });
    }
  }
  return { merged, fields };
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
  // Set after a 409: the fields to settle, with the user's own values and the latest ones.
  const [merge, setMerge] = useState<{ fields: MergeField[]; mine: Values; theirs: Values } | null>(
    null,
  );
  // The form is taller than the screen: bring a message at its top into view when it appears.
  const notices = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (merge || problem) notices.current?.scrollIntoView({ block: 'nearest' });
  }, [merge, problem]);
  const labelOf = (path: MergeField['path']) =>
    Array.isArray(path)
      ? ((customFields.data ?? []).find((def) => def.key === path[1])?.label ?? path[1])
      : t(FIELD_LABELS[path as keyof typeof FIELD_LABELS] ?? 'customers.fields.name');

  function choose(field: MergeField, choice: 'mine' | 'theirs') {
    if (!merge) return;
    const side = choice === 'mine' ? merge.mine : merge.theirs;
    const value = Array.isArray(field.path)
      ? side.custom?.[field.path[1]]
      : side[field.path as keyof Values];
    form.setFieldValue(field.path as Parameters<typeof form.setFieldValue>[0], value);
    setMerge({
      ...merge,
      fields: merge.fields.map((f) =>
        pathKey(f.path) === pathKey(field.path) ? { ...f, choice } : f,
      ),
    });
  }

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
    setMerge(null);
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
        if (current && base) {
          const { merged, fields } = mergeAfterConflict(base, current, values, labelOf);
          setBase(current);
          form.setFieldsValue(merged);
          setMerge({ fields, mine: values, theirs: valuesOf(current) });
        } else {
          setProblem({ type: 'warning', text: t('errors.versionConflict') });
        }
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
      <div ref={notices}>
        {problem && (
          <Alert type={problem.type} showIcon title={problem.text} style={{ marginBottom: 16 }} />
        )}
        {merge && <VersionMerge fields={merge.fields} onChoose={choose} />}
      </div>
      <CustomerFields
        channels={channels.data ?? []}
        customFields={customFields.data ?? []}
        owners={chooseOwner ? (users.data ?? []).filter((user) => user.active) : undefined}
        currentSource={base?.source}
      />
    </Modal>
  );
}
