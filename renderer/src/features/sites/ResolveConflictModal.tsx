import { Alert, Button, Group, Modal, Radio, Stack, Table, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/format';
import type { ConflictField, SiteConflict, SiteConflictResolved, SiteResolveConflict } from '../../../../shared/sites/schemas';
import { useApiMutation } from '../../api';
import { FormErrorAlert } from '../../components/FormErrorAlert';
import { RowsTable } from '../../components/RowsTable';

type Side = 'centro' | 'sede';

/** A conflict's two sides, in the table's order: the heading of the side's column, and a field's value on that side. */
const sides: { side: Side; heading: string; value: (f: ConflictField) => string }[] = [
  { side: 'centro', heading: 'sites.conflicts.screen.centre', value: (f) => f.centre },
  { side: 'sede', heading: 'sites.conflicts.screen.site', value: (f) => f.site },
];

/**
 * A conflict opened from «Conflictos»: the fields that differ side by side («Oficina central» |
 * «Sede»), a choice per field, and the three decisions (sites.resolveConflict). The choices are
 * reset only when another conflict is opened, not when the list refreshes underneath. A refusal
 * about one field is shown on its row; any other above the buttons.
 */
export function ResolveConflictModal({
  conflict,
  onClose,
  onResolved,
}: {
  conflict: SiteConflict | null;
  onClose: () => void;
  onResolved: (r: SiteConflictResolved) => void;
}) {
  const { t } = useTranslation();
  const resolve = useApiMutation('sites.resolveConflict');
  const [picks, setPicks] = useState<Record<string, Side>>({});
  // The mutation's reset is the same function on every render (TanStack binds it once to its
  // observer), and the guard on `shown` below resets only for another conflict in any case.
  const { reset: resetResolve } = resolve;
  const id = conflict?.id ?? null;
  const shown = useRef<number | null>(null);
  useEffect(() => {
    // Only when another conflict is opened: not when this one closes (its answer is still on its way
    // to onResolved), nor when the same one is opened again (the clerk's picks are kept).
    if (id === null || id === shown.current) return;
    shown.current = id;
    setPicks({});
    resetResolve();
  }, [id, resetResolve]);
  const fieldErrors = resolve.error?.error.fields ?? {};
  const general = resolve.error && Object.keys(fieldErrors).length === 0 ? resolve.error.message : (fieldErrors.fields ?? null);

  const submit = (input: SiteResolveConflict) => resolve.mutate(input, { onSuccess: (r) => onResolved(r) });
  const decide = (choice: Side) => conflict && submit({ conflictId: conflict.id, choice });
  const combine = () =>
    conflict &&
    submit({
      conflictId: conflict.id,
      choice: 'combinado',
      fields: Object.fromEntries(conflict.fields.map((f) => [f.column, picks[f.column] ?? 'centro'])),
    });

  return (
    <Modal
      opened={!!conflict}
      onClose={onClose}
      size={900}
      title={conflict ? t('sites.conflicts.screen.modalTitle', { what: conflict.what }) : ''}
    >
      {conflict && (
        <Stack gap="sm">
          <Text size="sm">
            {t('sites.conflicts.screen.modalIntro', {
              record: conflict.record || conflict.what,
              establishment: conflict.establishmentName,
              seq: conflict.packageSeq,
              date: formatDate(conflict.detectedAt),
            })}
          </Text>
          {conflict.fields.length === 0 ? (
            <Alert color="blue" variant="light">
              {t('sites.conflicts.screen.nothingToChoose')}
            </Alert>
          ) : (
            <RowsTable
              withTableBorder
              striped
              aria-label={t('sites.conflicts.screen.columns.fields')}
              head={
                <>
                  <Table.Th>{t('sites.conflicts.screen.field')}</Table.Th>
                  {sides.map(({ side, heading }) => (
                    <Table.Th key={side}>{t(heading)}</Table.Th>
                  ))}
                </>
              }
              records={conflict.fields}
              row={(f) => {
                const pick = picks[f.column] ?? 'centro';
                const error = fieldErrors[`fields.${f.column}`];
                return (
                  <Table.Tr key={f.column}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {f.label}
                      </Text>
                      {error && (
                        <Text size="xs" c="red" role="alert">
                          {error}
                        </Text>
                      )}
                    </Table.Td>
                    {sides.map(({ side, heading, value }) => (
                      <Table.Td key={side}>
                        <Radio
                          name={`conflict-${conflict.id}-${f.column}`}
                          value={side}
                          checked={pick === side}
                          onChange={() => setPicks((p) => ({ ...p, [f.column]: side }))}
                          label={value(f)}
                          aria-label={`${f.label}: ${t(heading)}`}
                        />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                );
              }}
            />
          )}
          <FormErrorAlert error={general} />
          <Group justify="flex-end" gap="xs">
            <Button
              variant="default"
              onClick={() => decide('centro')}
              loading={resolve.isPending && resolve.variables?.choice === 'centro'}
              disabled={resolve.isPending}
            >
              {t('sites.conflicts.screen.keepCentre')}
            </Button>
            <Button
              variant="default"
              onClick={() => decide('sede')}
              loading={resolve.isPending && resolve.variables?.choice === 'sede'}
              disabled={resolve.isPending || conflict.fields.length === 0}
            >
              {t('sites.conflicts.screen.keepSite')}
            </Button>
            <Button
              onClick={combine}
              loading={resolve.isPending && resolve.variables?.choice === 'combinado'}
              disabled={resolve.isPending || conflict.fields.length === 0}
            >
              {t('sites.conflicts.screen.saveCombined')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
