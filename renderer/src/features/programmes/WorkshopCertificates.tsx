import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconCertificate } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hoursOf } from '../../../../shared/programmes/rules';
import type { Workshop } from '../../../../shared/programmes/schemas';
import { call, useApiQuery } from '../../api';
import { DateField, todayIso } from '../../components/fields';
import { useSaveFile } from '../../components/files';
import { askPersonalDataReason } from '../../components/PersonalDataReason';
import { useCan } from '../../components/session';
import { nameOf, StageBadge } from './ui';
import { useNumber } from '../../components/numbers';

/** A workshop's certificate candidates; issue one certificate or all of the completed ones, on a chosen date. */
export function Certificates({ workshop }: { workshop: Workshop }) {
  const { t } = useTranslation();
  const num = useNumber();
  const saveFile = useSaveFile();
  const [date, setDate] = useState<string | null>(todayIso());
  const canIssue = useCan('certificates.issue');
  const list = useApiQuery('certificates.candidates', { id: workshop.id });
  const rows = list.data ?? [];
  const completed = rows.filter((r) => r.stage === 'completado');
  const issue = async (participantIds: number[]) => {
    const reason = await askPersonalDataReason(t, t('programmes.export.reasonCertificates'));
    if (reason === null) return;
    await saveFile(() => call('certificates.issue', { workshopId: workshop.id, participantIds, date: date ?? '', reason }), {
      title: (r) => t('common.exported', { count: r.rows }),
    }).catch(() => undefined);
  };
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('programmes.certificates.hint')}
      </Text>
      {canIssue && (
        <Group align="flex-end">
          <DateField label={t('programmes.certificates.issueDate')} value={date} onChange={setDate} w={180} />
          <Button leftSection={<IconCertificate size={16} />} disabled={completed.length === 0} onClick={() => void issue([])}>
            {t('programmes.certificates.issueAll')} ({completed.length})
          </Button>
        </Group>
      )}
      {rows.length === 0 ? (
        <Text c="dimmed">{t('programmes.certificates.none')}</Text>
      ) : (
        <Table striped verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('programmes.participants.codeShort')}</Table.Th>
              <Table.Th>{t('programmes.participants.name')}</Table.Th>
              <Table.Th>{t('programmes.enrolments.stage')}</Table.Th>
              <Table.Th ta="right">{t('programmes.enrolments.hours')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((c) => (
              <Table.Tr key={c.enrolmentId}>
                <Table.Td fw={600}>{c.code}</Table.Td>
                <Table.Td>{nameOf(c)}</Table.Td>
                <Table.Td>
                  <StageBadge stage={c.stage} />
                </Table.Td>
                <Table.Td ta="right">{num(hoursOf(c.minutes))}</Table.Td>
                <Table.Td ta="right">
                  {canIssue && c.stage === 'completado' && (
                    <Button
                      size="compact-xs"
                      variant="light"
                      leftSection={<IconCertificate size={14} />}
                      onClick={() => void issue([c.participantId])}
                      aria-label={`${t('programmes.certificates.issueOne')}: ${c.code}`}
                    >
                      {t('programmes.certificates.issueOne')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
