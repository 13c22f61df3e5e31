import { Alert, Badge, Button, Group, Table, Tabs, Text } from '@mantine/core';
import { IconAlertTriangle, IconDownload, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney, type Locale } from '../../../../shared/format';
import { partnerTypes, type PartnerType } from '../../../../shared/programmes/rules';
import type { Agreement, Partner } from '../../../../shared/programmes/schemas';
import { call, useApiQuery } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { useSaveFile } from '../../components/files';
import { ImportButton } from '../../components/import/ImportButton';
import { PageHeader } from '../../components/PageHeader';
import { PlainTable } from '../../components/PlainTable';
import { useCan } from '../../components/session';
import { AgreementDetailModal } from './AgreementDetailModal';
import { AgreementFormModal } from './AgreementFormModal';
import { PartnerDrawer } from './PartnerDrawer';
import { PartnerFormModal } from './PartnerFormModal';
import { stateColors } from './partnerUi';
import { useRecordParam } from '../../components/ListPage';
import { CatalogChoiceFilter } from '../../components/CatalogChoiceFilter';
import { ListExportMenu } from '../../components/ExportMenu';
import { SavedViews } from '../../components/SavedViews';
import { choiceFilter, plainListView } from '../../components/plainListView';

/** Partners and their agreements (with expiry alerts), events and donations. */
export function PartnersPage() {
  const { t, i18n } = useTranslation();
  const saveFile = useSaveFile();
  const [tab, setTab] = useState<string | null>('aliados');
  const [type, setType] = useState<string | null>(null);
  const [partnerForm, setPartnerForm] = useState<{ open: boolean; partner: Partner | null }>({ open: false, partner: null });
  const [agreementForm, setAgreementForm] = useState<{ open: boolean; agreement: Agreement | null }>({ open: false, agreement: null });
  // The open partner (?ficha=<id>) and agreement (?convenio=<id>) are kept in the address: the global search and links open them.
  const { recordId: openId, openRecord: setOpenId, closeRecord } = useRecordParam();
  const { recordId: shown, openRecord: setShown, closeRecord: closeAgreement } = useRecordParam('convenio');
  const canPartner = useCan('partners.create');
  const canAgreement = useCan('agreements.create');
  const canCopy = useCan('agreements.saveDocument');
  const partnerQuery = { type: type as PartnerType | null, status: 'all' as const };
  const partners = useApiQuery('partners.list', partnerQuery);
  const view = plainListView('partners.list', { type: choiceFilter(type, setType, partnerTypes) });
  const agreements = useApiQuery('agreements.list', {});
  const expiring = (agreements.data ?? []).filter((a) => a.state === 'por_vencer');
  const money = (c: number) => formatMoney(c, i18n.language as Locale);
  return (
    <>
      <PageHeader
        title={t('programmes.partners.title')}
        subtitle={t('programmes.partners.subtitle')}
        actions={
          <>
            {canPartner && <ImportButton target="partners" label={t('import.targets.partners.title')} />}
            {canAgreement && <ImportButton target="agreements" label={t('import.targets.agreements.title')} />}
            {canAgreement && (
              <Button
                variant="default"
                leftSection={<IconPlus size={16} />}
                onClick={() => setAgreementForm({ open: true, agreement: null })}
              >
                {t('programmes.agreements.new')}
              </Button>
            )}
            {canPartner && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setPartnerForm({ open: true, partner: null })}>
                {t('programmes.partners.new')}
              </Button>
            )}
          </>
        }
      />
      {expiring.length > 0 && (
        <Alert
          color="orange"
          variant="light"
          icon={<IconAlertTriangle size={18} />}
          title={t('programmes.agreements.expiringTitle')}
          mb="sm"
          data-testid="agreement-alerts"
        >
          {expiring.map((a) => (
            <Text size="sm" key={a.id}>
              {t('programmes.dashboard.agreementAlert', {
                title: a.title,
                partner: a.partnerName,
                date: formatDate(a.endDate),
                days: a.daysLeft,
              })}
            </Text>
          ))}
        </Alert>
      )}
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List mb="sm">
          <Tabs.Tab value="aliados">{t('programmes.partners.tabPartners')}</Tabs.Tab>
          <Tabs.Tab value="convenios">{t('programmes.partners.tabAgreements')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="aliados">
          <Group justify="space-between" align="flex-end" mb="sm">
            <Group gap="sm" align="flex-end">
              <CatalogChoiceFilter
                label={t('programmes.partners.type')}
                values={partnerTypes}
                prefix="programmes.partnerTypes"
                value={type}
                onChange={setType}
                w={260}
              />
              <SavedViews view={view} />
            </Group>
            <ListExportMenu list="partners.list" query={partnerQuery} disabled={(partners.data ?? []).length === 0} />
          </Group>
          <PlainTable<Partner>
            records={partners.data ?? []}
            onRowClick={({ record }) => setOpenId(record.id)}
            rowStyle={(p) => (p.active ? undefined : { opacity: 0.6 })}
            columns={[
              {
                accessor: 'name',
                title: t('programmes.partners.name'),
                render: (p) => (
                  <Text size="sm" fw={600}>
                    {p.name}
                  </Text>
                ),
              },
              { accessor: 'type', title: t('programmes.partners.type'), render: (p) => t(`programmes.partnerTypes.${p.type}`) },
              {
                accessor: 'contactName',
                title: t('programmes.partners.contactName'),
                render: (p) => [p.contactName, p.contactRole].filter(Boolean).join(' — '),
              },
              { accessor: 'agreements', title: t('programmes.partners.agreements'), textAlign: 'right' },
              { accessor: 'events', title: t('programmes.partners.events'), textAlign: 'right' },
              {
                accessor: 'donationsCentimos',
                title: t('programmes.partners.donations'),
                textAlign: 'right',
                render: (p) => (p.donationsCentimos ? money(p.donationsCentimos) : ''),
              },
            ]}
            emptyState={<EmptyState title={t('programmes.partners.emptyTitle')} text={t('programmes.partners.emptyText')} />}
          />
        </Tabs.Panel>
        <Tabs.Panel value="convenios">
          <Group justify="flex-end" mb="sm">
            <ListExportMenu list="agreements.list" query={{}} disabled={(agreements.data ?? []).length === 0} />
          </Group>
          <Table striped highlightOnHover verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('programmes.agreements.titleField')}</Table.Th>
                <Table.Th>{t('programmes.agreements.partner')}</Table.Th>
                <Table.Th>{t('programmes.agreements.documentNumber')}</Table.Th>
                <Table.Th>{t('programmes.agreements.startDate')}</Table.Th>
                <Table.Th>{t('programmes.agreements.endDate')}</Table.Th>
                <Table.Th>{t('programmes.agreements.state')}</Table.Th>
                <Table.Th>{t('programmes.agreements.document')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(agreements.data ?? []).map((a) => (
                <Table.Tr key={a.id} style={{ cursor: 'pointer' }} onClick={() => setAgreementForm({ open: true, agreement: a })}>
                  <Table.Td fw={600}>{a.title}</Table.Td>
                  <Table.Td>{a.partnerName}</Table.Td>
                  <Table.Td>{a.documentNumber}</Table.Td>
                  <Table.Td>{formatDate(a.startDate)}</Table.Td>
                  <Table.Td>{formatDate(a.endDate)}</Table.Td>
                  <Table.Td>
                    <Badge color={stateColors[a.state]} variant="light" tt="none">
                      {t(`programmes.agreementStates.${a.state}`)}
                    </Badge>{' '}
                    {a.state === 'por_vencer' && a.daysLeft !== null && (
                      <Text span size="xs" c="orange.8">
                        {t('programmes.agreements.daysLeft', { count: a.daysLeft })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td onClick={(e) => e.stopPropagation()}>
                    <Button size="compact-xs" variant="subtle" onClick={() => setShown(a.id)}>
                      {t('programmes.agreementLinks.view')}
                    </Button>
                    {a.document && canCopy && (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        leftSection={<IconDownload size={14} />}
                        onClick={() => void saveFile(() => call('agreements.saveDocument', { id: a.id })).catch(() => undefined)}
                      >
                        {t('programmes.agreements.saveCopy')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {(agreements.data ?? []).length === 0 && (
            <Text c="dimmed" mt="sm">
              {t('programmes.agreements.empty')}
            </Text>
          )}
        </Tabs.Panel>
      </Tabs>
      <PartnerFormModal
        opened={partnerForm.open}
        onClose={() => setPartnerForm({ open: false, partner: null })}
        partner={partnerForm.partner}
      />
      <AgreementFormModal
        opened={agreementForm.open}
        onClose={() => setAgreementForm({ open: false, agreement: null })}
        agreement={agreementForm.agreement}
      />
      <AgreementDetailModal id={shown} onClose={closeAgreement} />
      <PartnerDrawer id={openId} onClose={closeRecord} onEdit={(p) => setPartnerForm({ open: true, partner: p })} />
    </>
  );
}
