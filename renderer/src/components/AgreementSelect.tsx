import { Select } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** An agreement a record may name: its partner and period. */
export interface AgreementChoice {
  id: number;
  title: string;
  partnerId: number;
  startDate: string;
  endDate: string | null;
}

/**
 * The optional "Convenio" of an event, an exhibition or a donation (issue 15): the agreements
 * of the record's partners in force on its date; the one already named stays listed even if
 * it no longer fits (main then says why).
 */
export function AgreementSelect({
  agreements,
  partnerIds,
  date,
  value,
  onChange,
  error,
  readOnly,
}: {
  agreements: AgreementChoice[];
  partnerIds: number[];
  date: string | null;
  value: number | null;
  onChange: (id: number | null) => void;
  error?: ReactNode;
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const fits = (a: AgreementChoice) =>
    partnerIds.includes(a.partnerId) && (!date || (a.startDate <= date && (a.endDate === null || a.endDate >= date)));
  const options = agreements.filter((a) => fits(a) || a.id === value).map((a) => ({ value: String(a.id), label: a.title }));
  return (
    <Select
      label={t('programmes.agreementLinks.agreement')}
      placeholder={t('programmes.agreementLinks.none')}
      description={options.length === 0 ? t('programmes.agreementLinks.noChoice') : t('programmes.agreementLinks.hint')}
      clearable
      readOnly={readOnly}
      data={options}
      value={value === null ? null : String(value)}
      onChange={(v) => onChange(v ? Number(v) : null)}
      error={error}
    />
  );
}
