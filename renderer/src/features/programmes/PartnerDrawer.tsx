import { Badge, Button, Divider, Drawer, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney, type Locale } from '../../../../shared/format';
import type { Partner } from '../../../../shared/programmes/schemas';
import { useApiQuery } from '../../api';
import { PartnerExhibitions } from '../../components/PartnerExhibitions';
import { useCan } from '../../components/session';
import { AgreementDetailModal } from './AgreementDetailModal';
import { DonationForm } from './DonationForm';
import { PartnerLogoField } from './PartnerLogoField';
import { stateColors } from './partnerUi';
import { Field } from '../../components/RecordParts';

/** One partner: contact, agreements, events, exhibitions and donations, with a form to record a donation. */
export function PartnerDrawer({ id, onClose, onEdit }: { id: number | null; onClose: () => void; onEdit: (p: Partner) => void }) {
  const { t, i18n } = useTranslation();
  const detail = useApiQuery('partners.get', { id: id ?? 0 }, { enabled: id !== null });
  const agreements = useApiQuery('agreements.list', { partnerId: id ?? 0 }, { enabled: id !== null });
  const canEdit = useCan('partners.update');
  const canDonate = useCan('partners.addDonation');
  const [shown, setShown] = useState<number | null>(null);
  const money = (c: number) => formatMoney(c, i18n.language as Locale);
  const d = detail.data;
  return (
    <Drawer
      opened={id !== null}
      onClose={onClose}
      position="right"
      size={620}
      title={d?.partner.name ?? ''}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {d && (
        <Stack gap="sm">
          <SimpleGrid cols={2}>
            <Field label={t('programmes.partners.type')}>{t(`programmes.partnerTypes.${d.partner.type}`)}</Field>
            <Field label={t('programmes.partners.contactName')}>
              {[d.partner.contactName, d.partner.contactRole].filter(Boolean).join(' — ')}
            </Field>
            <Field label={t('programmes.partners.contactEmail')}>{d.partner.contactEmail}</Field>
            <Field label={t('programmes.partners.contactPhone')}>{d.partner.contactPhone}</Field>
          </SimpleGrid>
          <PartnerLogoField partnerId={d.partner.id} name={d.partner.name} />
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
              </Badge>{' '}
              <Button
                size="compact-xs"
                variant="subtle"
                onClick={() => setShown(a.id)}
                aria-label={`${t('programmes.agreementLinks.view')}: ${a.title}`}
              >
                {t('programmes.agreementLinks.view')}
              </Button>
            </Text>
          ))}
          <Divider label={t('programmes.partners.events')} labelPosition="left" />
          {d.events.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('programmes.partners.noEvents')}
            </Text>
          ) : (
            d.events.map((e) => (
              <Text size="sm" key={e.id}>
                {formatDate(e.date)} · {e.title} · {t(`programmes.eventTypes.${e.type}`)} ·{' '}
                {t('programmes.n.attendees', { count: e.totalAudience })}
              </Text>
            ))
          )}
          <PartnerExhibitions partnerId={d.partner.id} />
          <Divider label={t('programmes.partners.donations')} labelPosition="left" />
          {d.donations.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('programmes.partners.noDonations')}
            </Text>
          ) : (
            d.donations.map((x) => (
              <Text size="sm" key={x.id}>
                {formatDate(x.date)} · {x.description} · {money(x.valueCentimos)}
                {x.agreement && ` · ${t('programmes.agreementLinks.under', { title: x.agreement.title })}`}
              </Text>
            ))
          )}
          {canDonate && <DonationForm partnerId={d.partner.id} agreements={agreements.data ?? []} />}
        </Stack>
      )}
      <AgreementDetailModal id={shown} onClose={() => setShown(null)} />
    </Drawer>
  );
}
