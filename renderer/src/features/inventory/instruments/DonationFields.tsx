import { Select } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney, type Locale } from '../../../../../shared/format';
import type { Instrument } from '../../../../../shared/inventory/schemas';
import { useApiQuery } from '../../../api';

/**
 * A donated instrument's funding source (issue 15): the partner, then one of its donations.
 * Only the donation is stored; the partner is the donation's.
 */
export function DonationFields({
  value,
  onChange,
  error,
}: {
  value: number | null;
  onChange: (donationId: number | null) => void;
  error?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const sources = useApiQuery('instruments.donations', {});
  const owner = (sources.data ?? []).find((p) => p.donations.some((d) => d.id === value));
  const [partnerId, setPartnerId] = useState<number | null>(owner?.partnerId ?? null);
  // The donation's partner, once the list arrives or another donation is shown.
  useEffect(() => {
    if (owner) setPartnerId(owner.partnerId);
  }, [owner]);
  const partner = (sources.data ?? []).find((p) => p.partnerId === partnerId);
  return (
    <>
      <Select
        label={t('inventory.instruments.donor')}
        clearable
        searchable
        data={(sources.data ?? []).map((p) => ({ value: String(p.partnerId), label: p.partnerName }))}
        value={partnerId === null ? null : String(partnerId)}
        onChange={(v) => {
          setPartnerId(v ? Number(v) : null);
          onChange(null);
        }}
      />
      <Select
        label={t('inventory.instruments.donation')}
        clearable
        disabled={!partner}
        data={(partner?.donations ?? []).map((d) => ({
          value: String(d.id),
          label: `${formatDate(d.date)} · ${d.description} · ${formatMoney(d.valueCentimos, i18n.language as Locale)}`,
        }))}
        value={value === null ? null : String(value)}
        onChange={(v) => onChange(v ? Number(v) : null)}
        error={error}
      />
    </>
  );
}

/** "Donación de <partner>: <donation>" on a donated instrument's page; "sin vincular" when none is named. */
export function DonationLine({ instrument }: { instrument: Instrument }) {
  const { t } = useTranslation();
  const sources = useApiQuery('instruments.donations', {}, { enabled: instrument.donationId !== null });
  if (instrument.funding === 'presupuesto_inpe') return null;
  if (instrument.donationId === null) return <>{t('inventory.instruments.donationUnlinked')}</>;
  const partner = (sources.data ?? []).find((p) => p.donations.some((d) => d.id === instrument.donationId));
  const donation = partner?.donations.find((d) => d.id === instrument.donationId);
  if (!partner || !donation) return null;
  return <>{t('inventory.instruments.donationOf', { partner: partner.partnerName, donation: donation.description })}</>;
}
