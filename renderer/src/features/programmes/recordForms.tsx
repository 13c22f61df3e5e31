import { Select, Textarea, type SelectProps, type TextareaProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { accentFilter } from '../../components/accentFilter';
import { useEstablishmentOptions } from '../../components/fields';

/** The notes of a partner or an ensemble, under the other fields. */
export function NotesField(props: TextareaProps) {
  const { t } = useTranslation();
  return <Textarea label={t('programmes.common.notes')} autosize minRows={2} {...props} />;
}

/** Where an ensemble or an event is: one establishment, found by typing part of its name (accents or not). */
export function EstablishmentField({ status, ...props }: SelectProps & { status: 'active' | 'all' }) {
  const { t } = useTranslation();
  const establishments = useEstablishmentOptions(status);
  return (
    <Select label={t('programmes.common.establishment')} withAsterisk searchable filter={accentFilter} data={establishments} {...props} />
  );
}
