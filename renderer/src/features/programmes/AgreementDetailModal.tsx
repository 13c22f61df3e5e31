import { Badge, Divider, Group, Modal, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney, type Locale } from '../../../../shared/format';
import { audienceGroups } from '../../../../shared/programmes/rules';
import { useApiQuery } from '../../api';
import { Field } from '../../components/RecordParts';
import { useNumber } from '../../components/numbers';
import { stateColors } from './partnerUi';

/**
 * What an agreement produced (issue 15): the events held under it with their audiences (per
 * kind and in total), the exhibitions, and the donations with their value summed.
 */
export function AgreementDetailModal({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const num = useNumber();
  const detail = useApiQuery('agreements.get', { id: id ?? 0 }, { enabled: id !== null });
  const money = (c: number) => formatMoney(c, i18n.language as Locale);
  const d = id !== null ? detail.data : undefined;
  const a = d?.agreement;
  return (
    <Modal
      opened={id !== null}
      onClose={onClose}
      size={860}
      title={a ? t('programmes.agreementLinks.detailTitle', { title: a.title }) : ''}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {d && a && (
        <Stack gap="sm">
          <SimpleGrid cols={3}>
            <Field label={t('programmes.agreementLinks.partner')}>{a.partnerName}</Field>
            <Field label={t('programmes.agreementLinks.period')}>
              {formatDate(a.startDate)} – {formatDate(a.endDate) || '…'}{' '}
              <Badge size="sm" color={stateColors[a.state]} variant="light" tt="none">
                {t(`programmes.agreementStates.${a.state}`)}
              </Badge>
            </Field>
            <Field label={t('programmes.agreements.documentNumber')}>{a.documentNumber}</Field>
          </SimpleGrid>
          <Divider label={t('programmes.agreementLinks.events')} labelPosition="left" />
          {d.events.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('programmes.agreementLinks.noEvents')}
            </Text>
          ) : (
            <Table striped verticalSpacing={4} data-testid="agreement-events">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('programmes.events.date')}</Table.Th>
                  <Table.Th>{t('programmes.events.titleField')}</Table.Th>
                  {audienceGroups.map((g) => (
                    <Table.Th key={g} ta="right">
                      {t(`programmes.audienceGroups.${g}`)}
                    </Table.Th>
                  ))}
                  <Table.Th ta="right">{t('programmes.agreementLinks.total')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.events.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td>{formatDate(e.date)}</Table.Td>
                    <Table.Td>{e.title}</Table.Td>
                    {audienceGroups.map((g) => (
                      <Table.Td key={g} ta="right">
                        {num(e.audiences[g])}
                      </Table.Td>
                    ))}
                    <Table.Td ta="right">{num(e.totalAudience)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr fw={700} data-testid="agreement-audience-sums">
                  <Table.Td colSpan={2}>{t('programmes.agreementLinks.audienceTotal')}</Table.Td>
                  {audienceGroups.map((g) => (
                    <Table.Td key={g} ta="right">
                      {num(d.audiences[g])}
                    </Table.Td>
                  ))}
                  <Table.Td ta="right">{num(d.totalAudience)}</Table.Td>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          )}
          <Divider label={t('programmes.agreementLinks.exhibitions')} labelPosition="left" />
          {d.exhibitions.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('programmes.agreementLinks.noExhibitions')}
            </Text>
          ) : (
            d.exhibitions.map((x) => (
              <Text size="sm" key={x.id}>
                {x.title}
                {x.venue ? ` · ${x.venue}` : ''} · {formatDate(x.startsOn)} – {formatDate(x.endsOn) || '…'}
              </Text>
            ))
          )}
          <Divider label={t('programmes.agreementLinks.donations')} labelPosition="left" />
          {d.donations.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('programmes.agreementLinks.noDonations')}
            </Text>
          ) : (
            <>
              {d.donations.map((x) => (
                <Text size="sm" key={x.id}>
                  {formatDate(x.date)} · {x.description} · {money(x.valueCentimos)}
                </Text>
              ))}
              <Group justify="flex-end">
                <Text size="sm" fw={700} data-testid="agreement-donated">
                  {t('programmes.agreementLinks.donatedTotal')}: {money(d.donatedCentimos)}
                </Text>
              </Group>
            </>
          )}
        </Stack>
      )}
    </Modal>
  );
}
