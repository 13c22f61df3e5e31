import { Alert, Badge, Stack, Table, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnsembleInstruments as Data, Enrolment } from '../../../../shared/programmes/schemas';
import { whole } from '../../components/badges';
import { nameOf } from './ui';

const p = 'programmes.ensembleParts.';

/** What a member holds, in their row: each instrument's code and type, or "Ninguno"; "sin instrumento propio" when their part lacks one. */
export function HeldCell({ enrolment, data }: { enrolment: Enrolment; data: Data | undefined }) {
  const { t } = useTranslation();
  if (!data?.inventory) return null;
  const held = data.instruments.filter((i) => i.participantId === enrolment.participantId);
  return (
    <Stack gap={2}>
      {held.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t(`${p}holdsNone`)}
        </Text>
      ) : (
        held.map((i) => (
          <Text key={i.id} size="sm">
            <Text span fw={600} size="sm">
              {i.code}
            </Text>{' '}
            · {i.typeName}
          </Text>
        ))
      )}
      {data.withoutOwn.includes(enrolment.id) && (
        <Badge size="xs" color="red" variant="light" tt="none" styles={whole}>
          {t(`${p}withoutOwn`)}
        </Badge>
      )}
    </Stack>
  );
}

/**
 * The ensemble's instruments (its own and its members') and, for each instrument that is a
 * member's part, how many are missing one.
 */
export function EnsembleInstrumentsPanel({ data, members }: { data: Data | undefined; members: Enrolment[] }) {
  const { t } = useTranslation();
  const partsId = useId();
  const listId = useId();
  if (!data) return null;
  if (!data.inventory)
    return (
      <Text size="sm" c="dimmed">
        {t(`${p}noInventory`)}
      </Text>
    );
  const byParticipant = new Map(members.map((m) => [m.participantId, m]));
  const missing = data.parts.filter((x) => x.missing > 0);
  const total = missing.reduce((n, x) => n + x.missing, 0);
  return (
    <>
      {data.parts.length > 0 && (
        <section aria-labelledby={partsId} data-testid="ensemble-parts">
          <Title order={5} id={partsId} mb={4}>
            {t(`${p}partsTitle`)}
          </Title>
          <Text size="xs" c="dimmed" mb={4}>
            {t(`${p}partsHelp`)}
          </Text>
          <Alert color={total > 0 ? 'red' : 'teal'} variant="light" py={6} mb={6}>
            <Text size="sm">
              {total > 0
                ? t(`${p}missingSome`, { count: total, parts: missing.map((x) => `${x.typeName} (${x.missing})`).join(', ') })
                : t(`${p}missingNone`)}
            </Text>
          </Alert>
          <Table striped verticalSpacing={4} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t(`${p}part`)}</Table.Th>
                <Table.Th ta="right">{t(`${p}members`)}</Table.Th>
                <Table.Th ta="right">{t(`${p}withOwn`)}</Table.Th>
                <Table.Th ta="right">{t(`${p}fromEnsemble`)}</Table.Th>
                <Table.Th ta="right">{t(`${p}missing`)}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.parts.map((x) => (
                <Table.Tr key={x.typeId}>
                  <Table.Td>{x.typeName}</Table.Td>
                  <Table.Td ta="right">{x.members}</Table.Td>
                  <Table.Td ta="right">{x.withOwn}</Table.Td>
                  <Table.Td ta="right">{x.fromEnsemble}</Table.Td>
                  <Table.Td ta="right" fw={x.missing > 0 ? 700 : undefined} c={x.missing > 0 ? 'red' : undefined}>
                    {x.missing}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </section>
      )}
      <section aria-labelledby={listId} data-testid="ensemble-instruments">
        <Title order={5} id={listId} mb={4}>
          {t(`${p}instrumentsTitle`)}
        </Title>
        <Text size="xs" c="dimmed" mb={4}>
          {t(`${p}instrumentsHelp`)}
        </Text>
        {data.instruments.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t(`${p}instrumentsEmpty`)}
          </Text>
        ) : (
          <Table striped verticalSpacing={4} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t(`${p}code`)}</Table.Th>
                <Table.Th>{t(`${p}type`)}</Table.Th>
                <Table.Th>{t(`${p}holder`)}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.instruments.map((i) => {
                const m = i.participantId === null ? null : byParticipant.get(i.participantId);
                return (
                  <Table.Tr key={i.id}>
                    <Table.Td fw={600}>{i.code}</Table.Td>
                    <Table.Td>{i.typeName}</Table.Td>
                    <Table.Td>
                      {i.participantId === null
                        ? t(`${p}holderEnsemble`)
                        : m
                          ? m.firstNames
                            ? `${m.participantCode} · ${nameOf(m)}`
                            : m.participantCode
                          : ''}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
      </section>
    </>
  );
}
