import { Alert, Group, Modal, MultiSelect, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation, useApiQuery } from '../../api';
import { DateField, todayIso, FormActions } from '../../components/fields';
import { nameOf } from './ui';

/**
 * Enrol participants in a workshop or an ensemble: a type-ahead by code or name over the
 * establishment's active participants (searched in main), several at once.
 */
export function EnrolModal({
  opened,
  onClose,
  group,
}: {
  opened: boolean;
  onClose: () => void;
  group: { kind: 'workshop' | 'ensemble'; id: number; name: string; establishmentId: number };
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 150);
  const [selected, setSelected] = useState<string[]>([]);
  const [labels, setLabels] = useState<Map<string, string>>(new Map());
  const [date, setDate] = useState<string | null>(todayIso());
  const [part, setPart] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const enrol = useApiMutation('enrolments.create');
  const hits = useApiQuery(
    'participants.search',
    { q: debounced.trim() || '-', establishmentId: group.establishmentId, activeOnly: true, limit: 15 },
    { enabled: debounced.trim().length > 0, placeholderData: (p) => p },
  );

  useEffect(() => {
    if (!opened) return;
    setQuery('');
    setSelected([]);
    setErrors({});
    setPart('');
    setDate(todayIso());
  }, [opened]);

  const data = useMemo(() => {
    const next = new Map(labels);
    for (const h of hits.data ?? []) next.set(String(h.id), `${h.code} — ${nameOf(h)}`);
    const ids = new Set([...selected, ...(debounced.trim() ? (hits.data ?? []).map((h) => String(h.id)) : [])]);
    return [...ids].map((id) => ({ value: id, label: next.get(id) ?? id }));
  }, [hits.data, labels, selected, debounced]);

  const save = () => {
    setErrors({});
    enrol.mutate(
      {
        workshopId: group.kind === 'workshop' ? group.id : null,
        ensembleId: group.kind === 'ensemble' ? group.id : null,
        participantIds: selected.map(Number),
        date: date ?? '',
        part: group.kind === 'ensemble' ? part : null,
      },
      {
        onSuccess: (r) => {
          notifications.show({ color: 'teal', message: t('programmes.enrolments.created', { count: r.created }) });
          onClose();
        },
        onError: (err) => {
          setErrors({ ...err.error.fields, form: err.error.message });
        },
      },
    );
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size={640}
      title={t('programmes.enrolments.enrolTitle', { name: group.name })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="sm">
        {errors.form && (
          <Alert color="red" role="alert">
            {errors.form}
          </Alert>
        )}
        <MultiSelect
          label={t('programmes.enrolments.participants')}
          description={t('programmes.enrolments.participantsHint')}
          data-autofocus
          searchable
          searchValue={query}
          onSearchChange={setQuery}
          filter={({ options }) => options}
          data={data}
          value={selected}
          onChange={(v) => {
            setLabels((prev) => {
              const next = new Map(prev);
              for (const d of data) next.set(d.value, d.label);
              return next;
            });
            setSelected(v);
            setQuery('');
          }}
          nothingFoundMessage={debounced.trim() ? t('programmes.participants.noMatchTitle') : undefined}
          error={errors.participantIds}
          hidePickedOptions
          maxDropdownHeight={280}
        />
        <Group grow align="flex-start">
          <DateField label={t('programmes.enrolments.date')} withAsterisk value={date} onChange={setDate} error={errors.date} />
          {group.kind === 'ensemble' && (
            <TextInput
              label={t('programmes.enrolments.part')}
              value={part}
              onChange={(e) => setPart(e.currentTarget.value)}
              error={errors.part}
            />
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {t('programmes.participants.privacy')}
        </Text>
        <FormActions
          onCancel={onClose}
          onSave={save}
          saving={enrol.isPending}
          disabled={selected.length === 0}
          label={t('programmes.enrolments.enrol')}
        />
      </Stack>
    </Modal>
  );
}
