import { Button, Group, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agreement } from '../../../../shared/programmes/schemas';
import { useApiMutation } from '../../api';
import { AgreementSelect } from '../../components/AgreementSelect';
import { DateField, MoneyField, todayIso } from '../../components/fields';
import { solesToCentimos } from '../../components/money';

/** Records a partner's donation: date, what was given, its value and, optionally, the agreement it was made under. */
export function DonationForm({ partnerId, agreements }: { partnerId: number; agreements: Agreement[] }) {
  const { t } = useTranslation();
  const donate = useApiMutation('partners.addDonation');
  const [date, setDate] = useState<string | null>(todayIso());
  const [description, setDescription] = useState('');
  const [value, setValue] = useState('');
  const [agreementId, setAgreementId] = useState<number | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  return (
    <>
      <Group align="flex-end" grow>
        <DateField label={t('programmes.partners.donationDate')} value={date} onChange={setDate} error={errors.date} />
        <TextInput
          label={t('programmes.partners.donationDescription')}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={errors.description}
        />
        <MoneyField label={t('programmes.partners.donationValue')} value={value} onChange={setValue} error={errors.valueCentimos} />
      </Group>
      <AgreementSelect
        agreements={agreements}
        partnerIds={[partnerId]}
        date={date}
        value={agreementId}
        onChange={setAgreementId}
        error={errors.agreementId}
      />
      <Group justify="flex-end">
        <Button
          variant="light"
          loading={donate.isPending}
          onClick={() =>
            donate.mutate(
              { partnerId, date: date ?? '', description, valueCentimos: solesToCentimos(value) ?? 0, agreementId },
              {
                onSuccess: () => {
                  notifications.show({ color: 'teal', message: t('programmes.partners.donationSaved') });
                  setDescription('');
                  setValue('');
                  setAgreementId(null);
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
  );
}
