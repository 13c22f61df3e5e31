import { MultiSelect, NumberInput, SimpleGrid, Switch, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Initiative } from '../../../../shared/programmes/initiative-schemas';
import { useApiMutation, useApiQuery } from '../../api';
import { accentFilter } from '../../components/accentFilter';
import { FormModal } from '../../components/FormModal';
import { useRecordForm } from '../../components/useRecordForm';

interface Values {
  name: string;
  startYear: number | string;
  endYear: number | string;
  description: string;
  partnerIds: string[];
  agreementIds: string[];
  active: boolean;
}

const blank = (): Values => ({
  name: '',
  startYear: new Date().getFullYear(),
  endYear: '',
  description: '',
  partnerIds: [],
  agreementIds: [],
  active: true,
});

const fromInitiative = (i: Initiative): Values => ({
  name: i.name,
  startYear: i.startYear,
  endYear: i.endYear ?? '',
  description: i.description,
  partnerIds: i.partners.map((p) => String(p.id)),
  agreementIds: i.agreements.map((a) => String(a.id)),
  active: i.active,
});

/** A year as the field holds it: the number typed, or none (main says "obligatorio" beside the field). */
const year = (v: number | string): number => (typeof v === 'number' ? v : (null as unknown as number));

/** Register an initiative or edit one; a refused save keeps what was typed and marks the field. */
export function InitiativeFormModal({
  opened,
  onClose,
  initiative,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  initiative: Initiative | null;
  onCreated?: (i: Initiative) => void;
}) {
  const { t } = useTranslation();
  const k = 'programmes.initiatives.';
  const partners = useApiQuery('partners.list', { status: 'all' }, { enabled: opened });
  const agreements = useApiQuery('agreements.list', {}, { enabled: opened });
  const create = useApiMutation('initiatives.create');
  const update = useApiMutation('initiatives.update');
  const { form, setFormError, saved, modal } = useRecordForm<Values>({
    opened,
    recordKey: initiative?.id ?? null,
    values: () => (initiative ? fromInitiative(initiative) : blank()),
  });
  const save = ({ active, ...v }: Values) => {
    setFormError(null);
    const input = {
      name: v.name,
      startYear: year(v.startYear),
      endYear: v.endYear === '' ? null : year(v.endYear),
      description: v.description,
      partnerIds: v.partnerIds.map(Number),
      agreementIds: v.agreementIds.map(Number),
    };
    if (initiative) {
      update.mutate(
        { ...input, id: initiative.id, version: initiative.version, active },
        saved((i: Initiative) => t(`${k}updated`, { name: i.name }), onClose),
      );
    } else {
      create.mutate(
        input,
        saved(
          (i: Initiative) => t(`${k}created`, { name: i.name }),
          (i: Initiative) => {
            onClose();
            onCreated?.(i);
          },
        ),
      );
    }
  };
  return (
    <FormModal
      {...modal(save)}
      onClose={onClose}
      size={680}
      title={t(initiative ? `${k}editTitle` : `${k}newTitle`)}
      saving={create.isPending || update.isPending}
      gap="sm"
    >
      <TextInput label={t(`${k}name`)} withAsterisk data-autofocus {...form.getInputProps('name')} />
      <SimpleGrid cols={2}>
        <NumberInput
          label={t(`${k}startYear`)}
          withAsterisk
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator=""
          {...form.getInputProps('startYear')}
        />
        <NumberInput
          label={t(`${k}endYear`)}
          description={t(`${k}endYearHint`)}
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator=""
          {...form.getInputProps('endYear')}
        />
      </SimpleGrid>
      <Textarea label={t(`${k}description`)} withAsterisk autosize minRows={3} maxRows={8} {...form.getInputProps('description')} />
      <MultiSelect
        label={t(`${k}partners`)}
        searchable
        filter={accentFilter}
        data={(partners.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
        {...form.getInputProps('partnerIds')}
      />
      <MultiSelect
        label={t(`${k}agreements`)}
        searchable
        filter={accentFilter}
        data={(agreements.data ?? []).map((a) => ({ value: String(a.id), label: `${a.title} — ${a.partnerName}` }))}
        {...form.getInputProps('agreementIds')}
      />
      {initiative && <Switch label={t(`${k}activeLabel`)} {...form.getInputProps('active', { type: 'checkbox' })} />}
    </FormModal>
  );
}
