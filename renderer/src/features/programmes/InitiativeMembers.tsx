import { Button, Group, MultiSelect, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney, type Locale } from '../../../../shared/format';
import type { InitiativeDetail, InitiativeMember, InitiativeMemberKind } from '../../../../shared/programmes/initiative-schemas';
import { useApiMutation, useApiQuery } from '../../api';
import { accentFilter } from '../../components/accentFilter';
import { FormModal } from '../../components/FormModal';
import { RowsTable } from '../../components/RowsTable';
import { useCan } from '../../components/session';
import { useRecordForm } from '../../components/useRecordForm';
import { refusalHandler } from './ui';

const k = 'programmes.initiatives.';

/** "Vincular talleres…": a choice of the records of this kind that belong to no initiative yet. */
export function LinkModal({
  initiative,
  kind,
  onClose,
}: {
  initiative: InitiativeDetail['initiative'];
  kind: InitiativeMemberKind | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const opened = kind !== null;
  const candidates = useApiQuery('initiatives.candidates', { id: initiative.id, kind: kind ?? 'workshops' }, { enabled: opened });
  const assign = useApiMutation('initiatives.assign');
  const { form, setFormError, saved, modal } = useRecordForm<{ recordIds: string[] }>({
    opened,
    recordKey: kind,
    values: () => ({ recordIds: [] }),
  });
  const money = (c: number) => formatMoney(c, i18n.language as Locale);
  const labelOf = (m: InitiativeMember) =>
    [m.label, m.detail, m.date ? formatDate(m.date) : null, m.amountCentimos === null ? null : money(m.amountCentimos)]
      .filter(Boolean)
      .join(' · ');
  const save = ({ recordIds }: { recordIds: string[] }) => {
    if (!kind) return;
    setFormError(null);
    assign.mutate(
      { id: initiative.id, kind, recordIds: recordIds.map(Number) },
      saved(() => t(`${k}linked`, { count: recordIds.length }), onClose),
    );
  };
  const data = (candidates.data ?? []).map((m) => ({ value: String(m.id), label: labelOf(m) }));
  return (
    <FormModal
      {...modal(save)}
      onClose={onClose}
      size={720}
      title={kind ? t(`${k}linkTitle`, { kind: t(`${k}kinds.${kind}`), name: initiative.name }) : ''}
      saving={assign.isPending}
      saveLabel={t(`${k}linkSave`)}
      saveDisabled={form.values.recordIds.length === 0}
      gap="sm"
    >
      {candidates.data && data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t(`${k}linkNone`)}
        </Text>
      ) : (
        <MultiSelect
          label={t(`${k}linkChoose`)}
          data-autofocus
          searchable
          clearable
          filter={accentFilter}
          maxDropdownHeight={320}
          data={data}
          {...form.getInputProps('recordIds')}
        />
      )}
    </FormModal>
  );
}

/** The records of one kind that belong to the initiative, each with "Quitar". */
export function MembersTable({
  initiative,
  kind,
  members,
  onLink,
}: {
  initiative: InitiativeDetail['initiative'];
  kind: InitiativeMemberKind;
  members: InitiativeMember[];
  onLink: () => void;
}) {
  const { t, i18n } = useTranslation();
  const canLink = useCan('initiatives.assign');
  const canRemove = useCan('initiatives.unassign');
  const unassign = useApiMutation('initiatives.unassign');
  const money = (c: number) => formatMoney(c, i18n.language as Locale);
  const remove = (m: InitiativeMember) =>
    unassign.mutate(
      { id: initiative.id, kind, recordId: m.id },
      { onSuccess: () => notifications.show({ color: 'teal', message: t(`${k}removed`, { label: m.label }) }), onError: refusalHandler() },
    );
  const isExpense = kind === 'expenses';
  return (
    <>
      {canLink && (
        <Group justify="flex-end" mb="sm">
          <Button variant="light" leftSection={<IconLink size={16} />} onClick={onLink}>
            {t(`${k}link.${kind}`)}
          </Button>
        </Group>
      )}
      {members.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t(`${k}noMembers`)}
        </Text>
      ) : (
        <RowsTable
          striped
          verticalSpacing={4}
          fz="sm"
          aria-label={t(`${k}kinds.${kind}`)}
          head={
            <>
              <Table.Th>{t(`${k}columns.label`)}</Table.Th>
              <Table.Th>{t(`${k}columns.detail`)}</Table.Th>
              <Table.Th>{t(`${k}columns.date`)}</Table.Th>
              {isExpense && <Table.Th ta="right">{t(`${k}columns.amount`)}</Table.Th>}
              <Table.Th />
            </>
          }
          records={members}
          row={(m) => (
            <Table.Tr key={m.id}>
              <Table.Td fw={600}>{m.label}</Table.Td>
              <Table.Td>{m.detail}</Table.Td>
              <Table.Td>{m.date ? formatDate(m.date) : ''}</Table.Td>
              {isExpense && <Table.Td ta="right">{m.amountCentimos === null ? '' : money(m.amountCentimos)}</Table.Td>}
              <Table.Td ta="right">
                {canRemove && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    aria-label={`${t(`${k}remove`)}: ${m.label}`}
                    loading={unassign.isPending && unassign.variables?.recordId === m.id}
                    onClick={() => remove(m)}
                  >
                    {t(`${k}remove`)}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          )}
        />
      )}
    </>
  );
}
