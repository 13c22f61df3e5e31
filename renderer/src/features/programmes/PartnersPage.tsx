import { Alert, Badge, Button, Divider, Drawer, FileButton, Group, Modal, Select, SimpleGrid, Stack, Switch, Table, Tabs, Text, TextInput, Textarea, type MantineColor } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconDownload, IconPaperclip, IconPlus } from '@tabler/icons-react';
import { DataTable } from 'mantine-datatable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney, type Locale } from '../../../../shared/format';
import { partnerTypes, type PartnerType } from '../../../../shared/programmes/rules';
import type { Agreement, Partner } from '../../../../shared/programmes/schemas';
import { call, useApiMutation, useApiQuery } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { DateField, MoneyField, todayIso } from '../../components/fields';
import { useSaveFile } from '../../components/files';
import { PageHeader } from '../../components/PageHeader';
import { solesToCentimos } from '../instruments/ui';
import { Field, toBase64, useOptions } from './ui';
import { PartnerExhibitions } from '../internarte/PartnerExhibitions';
import { useCan } from '../auth/session';
import { useResetOnOpen } from '../../forms';

const stateColors: Record<Agreement['state'], MantineColor> = { vigente: 'teal', por_vencer: 'orange', vencido: 'red', indefinido: 'gray' };

type Refusal = { error: { fields: Record<string, string> }; message: string };

function PartnerFormModal({ opened, onClose, partner }: { opened: boolean; onClose: () => void; partner: Partner | null }) {
  const { t } = useTranslation();
  const typeOptions = useOptions(partnerTypes, 'programmes.partnerTypes');
  const create = useApiMutation('partners.create');
  const update = useApiMutation('partners.update');
  const blank = { name: '', type: null as string | null, contactName: '', contactRole: '', contactEmail: '', contactPhone: '', notes: '', active: true };
  const [v, setV] = useState(blank);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // Reset when it opens or turns to another record, never on a background refetch.
  useResetOnOpen(opened, partner?.id ?? null, () => {
    setErrors({});
    setV(partner ? { name: partner.name, type: partner.type, contactName: partner.contactName ?? '', contactRole: partner.contactRole ?? '', contactEmail: partner.contactEmail ?? '', contactPhone: partner.contactPhone ?? '', notes: partner.notes ?? '', active: partner.active } : blank);
  });
  const save = () => {
    const input = { name: v.name, type: (v.type ?? '') as PartnerType, contactName: v.contactName, contactRole: v.contactRole, contactEmail: v.contactEmail, contactPhone: v.contactPhone, notes: v.notes };
    const opts = {
      onSuccess: (p: Partner) => {
        notifications.show({ color: 'teal', message: t(partner ? 'programmes.partners.updated' : 'programmes.partners.created', { name: p.name }) });
        onClose();
      },
      onError: (err: Refusal) => {
        setErrors(err.error.fields);
        notifications.show({ color: 'red', message: err.message });
      },
    };
    if (partner) update.mutate({ ...input, id: partner.id, version: partner.version, active: v.active }, opts);
    else create.mutate(input, opts);
  };
  const text = (k: 'name' | 'contactName' | 'contactRole' | 'contactEmail' | 'contactPhone') => ({ value: v[k], onChange: (e: React.ChangeEvent<HTMLInputElement>) => setV({ ...v, [k]: e.currentTarget.value }), error: errors[k] });
  return (
    <Modal opened={opened} onClose={onClose} size={640} title={t(partner ? 'programmes.partners.editTitle' : 'programmes.partners.newTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="sm">
        <TextInput label={t('programmes.partners.name')} withAsterisk data-autofocus {...text('name')} />
        <Select label={t('programmes.partners.type')} withAsterisk data={typeOptions} value={v.type} onChange={(x) => setV({ ...v, type: x })} error={errors.type} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('programmes.partners.contactName')} {...text('contactName')} />
          <TextInput label={t('programmes.partners.contactRole')} {...text('contactRole')} />
          <TextInput label={t('programmes.partners.contactEmail')} {...text('contactEmail')} />
          <TextInput label={t('programmes.partners.contactPhone')} {...text('contactPhone')} />
        </SimpleGrid>
        <Textarea label={t('programmes.common.notes')} autosize minRows={2} value={v.notes} onChange={(e) => setV({ ...v, notes: e.currentTarget.value })} />
        {partner && <Switch label={t('programmes.partners.activeLabel')} checked={v.active} onChange={(e) => setV({ ...v, active: e.currentTarget.checked })} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={save} loading={create.isPending || update.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function PartnerDrawer({ id, onClose, onEdit }: { id: number | null; onClose: () => void; onEdit: (p: Partner) => void }) {
  const { t, i18n } = useTranslation();
  const detail = useApiQuery('partners.get', { id: id ?? 0 }, { enabled: id !== null });
  const agreements = useApiQuery('agreements.list', { partnerId: id ?? 0 }, { enabled: id !== null });
  const donate = useApiMutation('partners.addDonation');
  const canEdit = useCan('partners.update');
  const canDonate = useCan('partners.addDonation');
  const [date, setDate] = useState<string | null>(todayIso());
  const [description, setDescription] = useState('');
  const [value, setValue] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const money = (c: number) => formatMoney(c, i18n.language as Locale);
  const d = detail.data;
  return (
    <Drawer opened={id !== null} onClose={onClose} position="right" size={620} title={d?.partner.name ?? ''} closeButtonProps={{ 'aria-label': t('common.close') }}>
      {d && (
        <Stack gap="sm">
          <SimpleGrid cols={2}>
            <Field label={t('programmes.partners.type')}>{t(`programmes.partnerTypes.${d.partner.type}`)}</Field>
            <Field label={t('programmes.partners.contactName')}>{[d.partner.contactName, d.partner.contactRole].filter(Boolean).join(' — ')}</Field>
            <Field label={t('programmes.partners.contactEmail')}>{d.partner.contactEmail}</Field>
            <Field label={t('programmes.partners.contactPhone')}>{d.partner.contactPhone}</Field>
          </SimpleGrid>
          {canEdit && (
            <Group>
              <Button variant="default" onClick={() => onEdit(d.partner)}>
                {t('common.edit')}
              </Button>
            </Group>
          )}
          <Divider label={t('programmes.partners.agreements')} labelPosition="left" />
          {(agreements.data ?? []).length === 0 && (
            <Text size="sm" c="dimmed">
              {t('programmes.partners.noAgreements')}
            </Text>
          )}
          {(agreements.data ?? []).map((a) => (
            <Text size="sm" key={a.id}>
              <b>{a.title}</b> · {formatDate(a.startDate)} – {formatDate(a.endDate) || '…'}{' '}
              <Badge size="sm" color={stateColors[a.state]} variant="light" tt="none">
                {t(`programmes.agreementStates.${a.state}`)}
              </Badge>
            </Text>
          ))}
          <Divider label={t('programmes.partners.events')} labelPosition="left" />
          {d.events.length === 0 ? (
            <Text size="sm" c="dimmed">{t('programmes.partners.noEvents')}</Text>
          ) : (
            d.events.map((e) => (
              <Text size="sm" key={e.id}>
                {formatDate(e.date)} · {e.title} · {t(`programmes.eventTypes.${e.type}`)} · {t('programmes.n.attendees', { count: e.totalAudience })}
              </Text>
            ))
          )}
          <PartnerExhibitions partnerId={d.partner.id} />
          <Divider label={t('programmes.partners.donations')} labelPosition="left" />
          {d.donations.length === 0 ? (
            <Text size="sm" c="dimmed">{t('programmes.partners.noDonations')}</Text>
          ) : (
            d.donations.map((x) => (
              <Text size="sm" key={x.id}>
                {formatDate(x.date)} · {x.description} · {money(x.valueCentimos)}
              </Text>
            ))
          )}
          {canDonate && (
          <>
          <Group align="flex-end" grow>
            <DateField label={t('programmes.partners.donationDate')} value={date} onChange={setDate} error={errors.date} />
            <TextInput label={t('programmes.partners.donationDescription')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={errors.description} />
            <MoneyField label={t('programmes.partners.donationValue')} value={value} onChange={setValue} error={errors.valueCentimos} />
          </Group>
          <Group justify="flex-end">
            <Button
              variant="light"
              loading={donate.isPending}
              onClick={() =>
                donate.mutate(
                  { partnerId: d.partner.id, date: date ?? '', description, valueCentimos: solesToCentimos(value) ?? 0 },
                  {
                    onSuccess: () => {
                      notifications.show({ color: 'teal', message: t('programmes.partners.donationSaved') });
                      setDescription('');
                      setValue('');
                      setErrors({});
                    },
                    onError: (err) => setErrors(err.error.fields),
                  },
                )
              }
            >
              {t('programmes.partners.addDonation')}
            </Button>
          </Group>
          </>
          )}
        </Stack>
      )}
    </Drawer>
  );
}

function AgreementFormModal({ opened, onClose, agreement }: { opened: boolean; onClose: () => void; agreement: Agreement | null }) {
  const { t } = useTranslation();
  const partners = useApiQuery('partners.list', { status: 'all' });
  const create = useApiMutation('agreements.create');
  const update = useApiMutation('agreements.update');
  const attach = useApiMutation('agreements.attachDocument');
  const canSave = useCan(agreement ? 'agreements.update' : 'agreements.create');
  const canAttach = useCan('agreements.attachDocument');
  const blank = { partnerId: null as string | null, title: '', object: '', documentNumber: '', startDate: todayIso() as string | null, endDate: null as string | null, notes: '' };
  const [v, setV] = useState(blank);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [attached, setAttached] = useState<string | null>(null);
  // Reset when it opens or turns to another record, never on a background refetch.
  useResetOnOpen(opened, agreement?.id ?? null, () => {
    setErrors({});
    setAttached(null);
    setV(agreement ? { partnerId: String(agreement.partnerId), title: agreement.title, object: agreement.object, documentNumber: agreement.documentNumber ?? '', startDate: agreement.startDate, endDate: agreement.endDate, notes: agreement.notes ?? '' } : blank);
  });
  const save = () => {
    const input = { partnerId: Number(v.partnerId ?? 0), title: v.title, object: v.object, documentNumber: v.documentNumber, startDate: v.startDate ?? '', endDate: v.endDate, notes: v.notes };
    const opts = {
      onSuccess: (a: Agreement) => {
        notifications.show({ color: 'teal', message: t(agreement ? 'programmes.agreements.updated' : 'programmes.agreements.created', { title: a.title }) });
        onClose();
      },
      onError: (err: Refusal) => {
        setErrors(err.error.fields);
        notifications.show({ color: 'red', message: err.message });
      },
    };
    if (agreement) update.mutate({ ...input, id: agreement.id, version: agreement.version }, opts);
    else create.mutate(input, opts);
  };
  return (
    <Modal opened={opened} onClose={onClose} size={640} title={t(agreement ? 'programmes.agreements.editTitle' : 'programmes.agreements.newTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="sm">
        {/* A new agreement starts with its partner; an open one with its title (a focused list would open over the form). */}
        <Select label={t('programmes.agreements.partner')} withAsterisk searchable data={(partners.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))} value={v.partnerId} onChange={(x) => setV({ ...v, partnerId: x })} error={errors.partnerId} data-autofocus={agreement ? undefined : true} />
        <TextInput label={t('programmes.agreements.titleField')} withAsterisk value={v.title} onChange={(e) => setV({ ...v, title: e.currentTarget.value })} error={errors.title} data-autofocus={agreement ? true : undefined} />
        <Textarea label={t('programmes.agreements.object')} withAsterisk autosize minRows={2} value={v.object} onChange={(e) => setV({ ...v, object: e.currentTarget.value })} error={errors.object} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('programmes.agreements.documentNumber')} value={v.documentNumber} onChange={(e) => setV({ ...v, documentNumber: e.currentTarget.value })} error={errors.documentNumber} />
          <DateField label={t('programmes.agreements.startDate')} withAsterisk value={v.startDate} onChange={(x) => setV({ ...v, startDate: x })} error={errors.startDate} />
          <DateField label={t('programmes.agreements.endDate')} clearable value={v.endDate} onChange={(x) => setV({ ...v, endDate: x })} error={errors.endDate} />
        </SimpleGrid>
        {agreement && canAttach && (
          <Group>
            <FileButton
              accept="application/pdf,image/jpeg,image/png,image/webp,image/tiff,image/gif"
              onChange={(file) => {
                if (!file) return;
                void toBase64(file).then((dataBase64) =>
                  attach.mutate(
                    { id: agreement.id, fileName: file.name, dataBase64 },
                    {
                      onSuccess: () => {
                        setAttached(file.name);
                        notifications.show({ color: 'teal', message: t('programmes.agreements.attached') });
                      },
                      onError: (err) => notifications.show({ color: 'red', message: err.message }),
                    },
                  ),
                );
              }}
            >
              {(props) => (
                <Button {...props} variant="light" leftSection={<IconPaperclip size={16} />} loading={attach.isPending}>
                  {t('programmes.agreements.attach')}
                </Button>
              )}
            </FileButton>
            {(attached ?? agreement.document?.name) && <Text size="sm">{attached ?? agreement.document?.name}</Text>}
          </Group>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          {canSave && (
            <Button onClick={save} loading={create.isPending || update.isPending}>
              {t('common.save')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}

/** Partners and their agreements (with expiry alerts), events and donations. */
export function PartnersPage() {
  const { t, i18n } = useTranslation();
  const saveFile = useSaveFile();
  const [tab, setTab] = useState<string | null>('aliados');
  const [type, setType] = useState<string | null>(null);
  const [partnerForm, setPartnerForm] = useState<{ open: boolean; partner: Partner | null }>({ open: false, partner: null });
  const [agreementForm, setAgreementForm] = useState<{ open: boolean; agreement: Agreement | null }>({ open: false, agreement: null });
  const [openId, setOpenId] = useState<number | null>(null);
  const canPartner = useCan('partners.create');
  const canAgreement = useCan('agreements.create');
  const canCopy = useCan('agreements.saveDocument');
  const typeOptions = useOptions(partnerTypes, 'programmes.partnerTypes');
  const partners = useApiQuery('partners.list', { type: type as PartnerType | null, status: 'all' });
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
            {canAgreement && (
              <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => setAgreementForm({ open: true, agreement: null })}>
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
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title={t('programmes.agreements.expiringTitle')} mb="sm" data-testid="agreement-alerts">
          {expiring.map((a) => (
            <Text size="sm" key={a.id}>
              {t('programmes.dashboard.agreementAlert', { title: a.title, partner: a.partnerName, date: formatDate(a.endDate), days: a.daysLeft })}
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
          <Select label={t('programmes.partners.type')} placeholder={t('programmes.common.all')} clearable data={typeOptions} value={type} onChange={setType} w={260} mb="sm" />
          <DataTable<Partner>
            withTableBorder
            borderRadius="sm"
            striped
            highlightOnHover
            minHeight={(partners.data ?? []).length === 0 ? 220 : undefined}
            records={partners.data ?? []}
            onRowClick={({ record }) => setOpenId(record.id)}
            rowStyle={(p) => (p.active ? undefined : { opacity: 0.6 })}
            columns={[
              { accessor: 'name', title: t('programmes.partners.name'), render: (p) => <Text size="sm" fw={600}>{p.name}</Text> },
              { accessor: 'type', title: t('programmes.partners.type'), render: (p) => t(`programmes.partnerTypes.${p.type}`) },
              { accessor: 'contactName', title: t('programmes.partners.contactName'), render: (p) => [p.contactName, p.contactRole].filter(Boolean).join(' — ') },
              { accessor: 'agreements', title: t('programmes.partners.agreements'), textAlign: 'right' },
              { accessor: 'events', title: t('programmes.partners.events'), textAlign: 'right' },
              { accessor: 'donationsCentimos', title: t('programmes.partners.donations'), textAlign: 'right', render: (p) => (p.donationsCentimos ? money(p.donationsCentimos) : '') },
            ]}
            emptyState={<EmptyState title={t('programmes.partners.emptyTitle')} text={t('programmes.partners.emptyText')} />}
          />
        </Tabs.Panel>
        <Tabs.Panel value="convenios">
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
                    {a.state === 'por_vencer' && a.daysLeft !== null && <Text span size="xs" c="orange.8">{t('programmes.agreements.daysLeft', { count: a.daysLeft })}</Text>}
                  </Table.Td>
                  <Table.Td onClick={(e) => e.stopPropagation()}>
                    {a.document && canCopy && (
                      <Button size="compact-xs" variant="subtle" leftSection={<IconDownload size={14} />} onClick={() => void saveFile(() => call('agreements.saveDocument', { id: a.id })).catch(() => undefined)}>
                        {t('programmes.agreements.saveCopy')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {(agreements.data ?? []).length === 0 && <Text c="dimmed" mt="sm">{t('programmes.agreements.empty')}</Text>}
        </Tabs.Panel>
      </Tabs>
      <PartnerFormModal opened={partnerForm.open} onClose={() => setPartnerForm({ open: false, partner: null })} partner={partnerForm.partner} />
      <AgreementFormModal opened={agreementForm.open} onClose={() => setAgreementForm({ open: false, agreement: null })} agreement={agreementForm.agreement} />
      <PartnerDrawer id={openId} onClose={() => setOpenId(null)} onEdit={(p) => setPartnerForm({ open: true, partner: p })} />
    </>
  );
}
