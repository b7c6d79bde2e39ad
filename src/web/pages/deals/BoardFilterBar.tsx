import { Checkbox, DatePicker, Flex, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useTeams, useUsers } from '../settings/api';
import type { BoardFilters } from './api';

/** Owner, team, stale only and expected close month; each kept in the address. */
export function BoardFilterBar(props: {
  filters: BoardFilters;
  showPeople: boolean;
  onChange: (param: 'owner' | 'team' | 'stale' | 'month', value: string | null) => void;
}) {
  const { t } = useTranslation();
  const { filters, onChange } = props;
  return (
    <Flex wrap gap={8} align="center">
      {props.showPeople && <PeopleFilters filters={filters} onChange={onChange} />}
      <DatePicker
        picker="month"
        aria-label={t('deals.closeMonth')}
        placeholder={t('deals.closeMonth')}
        value={filters.closeMonth ? dayjs(`${filters.closeMonth}-01`) : null}
        onChange={(value) => onChange('month', value ? value.format('YYYY-MM') : null)}
        style={{ width: 190 }}
      />
      <Checkbox
        checked={filters.stale}
        onChange={(event) => onChange('stale', event.target.checked ? '1' : null)}
      >
        {t('deals.staleOnly')}
      </Checkbox>
    </Flex>
  );
}

function PeopleFilters(props: {
  filters: BoardFilters;
  onChange: (param: 'owner' | 'team', value: string | null) => void;
}) {
  const { t } = useTranslation();
  const users = useUsers();
  const teams = useTeams();
  return (
    <>
      <Select
        aria-label={t('deals.owner')}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('deals.allOwners')}
        loading={users.isPending}
        value={props.filters.ownerId ?? null}
        onChange={(id) => props.onChange('owner', id ?? null)}
        options={(users.data ?? []).map((user) => ({ value: user.id, label: user.name }))}
        style={{ width: 160 }}
      />
      <Select
        aria-label={t('deals.team')}
        allowClear
        placeholder={t('deals.allTeams')}
        loading={teams.isPending}
        value={props.filters.teamId ?? null}
        onChange={(id) => props.onChange('team', id ?? null)}
        options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
        style={{ width: 160 }}
      />
    </>
  );
}
