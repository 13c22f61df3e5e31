import { Alert, Anchor, Group, List, Radio, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { allowedCustody, endsEnrolments, type CustodyKind } from '../../../../shared/programmes/rules';
import type { Participant } from '../../../../shared/programmes/schemas';
import { useApiMutation, useApiQuery } from '../../api';
import { DateField, todayIso, useEstablishmentOptions } from '../../components/fields';
import { FormModal } from '../../components/FormModal';
import { useRecordForm, type RecordForm } from '../../components/useRecordForm';
import { accentFilter } from '../../components/accentFilter';

interface Values {
  kind: string | null;
  date: string | null;
  toEstablishmentId: string | null;
  documentNumber: string;
  notes: string;
  /** At a release only (issue 17): 'yes', 'no' or 'unknown'; a partner's programme the person was referred to. */
  continuesPractice: string;
  referral: { partnerId: string | null; note: string };
}

const blank: Values = {
  kind: null,
  date: null,
  toEstablishmentId: null,
  documentNumber: '',
  notes: '',
  continuesPractice: 'unknown',
  referral: { partnerId: null, note: '' },
};

const answers = { yes: true, no: false, unknown: null } as const;

/** At a release: whether the person wishes to continue their artistic practice, and a referral (read only as aggregates). */
function ReleaseFollowUp({ form }: { form: RecordForm<Values>['form'] }) {
  const { t } = useTranslation();
  const partners = useApiQuery('partners.list', { status: 'active' });
  return (
    <Stack gap="xs" data-testid="custody-follow-up">
      <Radio.Group label={t('programmes.custody.continuesPractice')} {...form.getInputProps('continuesPractice')}>
        <Group mt={4}>
          <Radio value="yes" label={t('programmes.custody.continuesYes')} />
          <Radio value="no" label={t('programmes.custody.continuesNo')} />
          <Radio value="unknown" label={t('programmes.custody.continuesUnknown')} />
        </Group>
      </Radio.Group>
      <Group grow align="flex-start">
        <Select
          label={t('programmes.custody.referralPartner')}
          searchable
          clearable
          filter={accentFilter}
          data={(partners.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
          {...form.getInputProps('referral.partnerId')}
        />
        <TextInput label={t('programmes.custody.referralNote')} maxLength={200} {...form.getInputProps('referral.note')} />
      </Group>
      <Text size="xs" c="dimmed">
        {t('programmes.custody.followUpNote')}
      </Text>
    </Stack>
  );
}

/** The inventory's recovery list (issue 15), where a transfer or a release puts the instruments the participant held. */
const recoveryRoute = '/instrumentos/recuperacion';

/** The instruments the participant holds, to recover before they leave. */
function HeldInstruments({ participant }: { participant: Participant }) {
  const { t } = useTranslation();
  const held = useApiQuery('participants.instruments', { id: participant.id });
  const instruments = held.data;
  return (
    <Alert
      color={instruments && instruments.length > 0 ? 'orange' : 'gray'}
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      title={t('programmes.custody.instrumentsTitle')}
      data-testid="custody-instruments"
    >
      {instruments === null ? (
        t('programmes.participants.instrumentsUnavailable')
      ) : instruments && instruments.length > 0 ? (
        <>
          <Text size="sm">{t('programmes.custody.instrumentsText')}</Text>
          <List size="sm" mt={4}>
            {instruments.map((i) => (
              <List.Item key={i.id}>
                <b>{i.code}</b> — {i.typeName} ({i.custodianName})
              </List.Item>
            ))}
          </List>
        </>
      ) : (
        <Text size="sm">{t('programmes.participants.instrumentsNone')}</Text>
      )}
    </Alert>
  );
}

/**
 * A custody change as one action: a transfer or a release ends the open enrolments at the
 * origin, lists the instruments the participant holds for recovery, keeps the history.
 */
export function CustodyModal({ participant, onClose }: { participant: Participant | null; onClose: () => void }) {
  const { t } = useTranslation();
  const establishments = useEstablishmentOptions('active');
  const change = useApiMutation('participants.custodyChange');
  const navigate = useNavigate();
  // Reset when it opens or turns to another record, never on a background refetch.
  const { form, formError, setFormError, onError } = useRecordForm<Values>({
    opened: participant !== null,
    recordKey: participant?.id,
    initialValues: blank,
    values: () => ({ ...blank, kind: participant ? (allowedCustody(participant.status)[0] ?? null) : null, date: todayIso() }),
  });
  if (!participant) return null;
  const kinds = allowedCustody(participant.status);
  const { kind } = form.values;
  const withDestination = kind === 'traslado' || kind === 'reincorporacion';
  const submit = form.onSubmit((v) => {
    setFormError(null);
    // A note without the partner it refers to is not dropped: the partner is asked for.
    if (v.kind === 'egreso' && !v.referral.partnerId && v.referral.note.trim()) {
      form.setFieldError('referral.partnerId', t('errors.required'));
      return;
    }
    change.mutate(
      {
        participantId: participant.id,
        version: participant.version,
        kind: (v.kind ?? '') as CustodyKind,
        date: v.date ?? '',
        toEstablishmentId: withDestination && v.toEstablishmentId ? Number(v.toEstablishmentId) : null,
        documentNumber: v.documentNumber,
        notes: v.notes,
        ...(v.kind === 'egreso'
          ? {
              continuesPractice: answers[v.continuesPractice as keyof typeof answers] ?? null,
              referral: v.referral.partnerId ? { partnerId: Number(v.referral.partnerId), note: v.referral.note } : null,
            }
          : {}),
      },
      {
        onSuccess: (r) => {
          const recover = r.instrumentsToRecover ?? [];
          const summary = [
            t('programmes.custody.done', { code: r.participant.code, kind: t(`programmes.custodyKinds.${v.kind}`) }),
            t('programmes.participants.enrolmentsEnded', { count: r.enrolmentsEnded }),
          ].join(' ');
          if (recover.length === 0) notifications.show({ color: 'teal', autoClose: 6000, message: summary });
          else {
            // The instruments went to the recovery list: say so, and lead there (the notice stays until closed).
            const id = `custody-recovery-${r.participant.id}`;
            notifications.show({
              id,
              color: 'orange',
              autoClose: false,
              message: (
                <Stack gap={4}>
                  <Text size="sm">{summary}</Text>
                  <Text size="sm">
                    {t('inventory.holdings.recoveryListed', { count: recover.length, codes: recover.map((i) => i.code).join(', ') })}
                  </Text>
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    fw={600}
                    ta="left"
                    onClick={() => {
                      notifications.hide(id);
                      void navigate(recoveryRoute);
                    }}
                  >
                    {t('inventory.holdings.recoveryOpen')}
                  </Anchor>
                </Stack>
              ),
            });
          }
          onClose();
        },
        onError,
      },
    );
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      size={620}
      title={t('programmes.custody.title', { code: participant.code })}
      onSubmit={submit}
      error={formError}
      saving={change.isPending}
      saveLabel={t('programmes.custody.confirm')}
      saveColor="orange"
      gap="sm"
    >
      <>
        <Select
          label={t('programmes.custody.kind')}
          data={kinds.map((k) => ({ value: k, label: t(`programmes.custodyKinds.${k}`) }))}
          allowDeselect={false}
          {...form.getInputProps('kind')}
          data-autofocus
        />
        <Group grow align="flex-start">
          <DateField label={t('programmes.custody.date')} withAsterisk {...form.getInputProps('date')} />
          <TextInput label={t('programmes.custody.documentNumber')} {...form.getInputProps('documentNumber')} />
        </Group>
        {withDestination && (
          <Select
            label={t('programmes.custody.toEstablishment')}
            withAsterisk={kind === 'traslado'}
            searchable
            clearable
            filter={accentFilter}
            data={establishments.filter((e) => kind !== 'traslado' || Number(e.value) !== participant.establishmentId)}
            {...form.getInputProps('toEstablishmentId')}
          />
        )}
        {kind === 'egreso' && <ReleaseFollowUp form={form} />}
        <Textarea label={t('programmes.custody.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
        {kind && endsEnrolments(kind as CustodyKind) && (
          <Alert color="blue" variant="light">
            {participant.openEnrolments > 0
              ? t('programmes.custody.effect', { count: participant.openEnrolments })
              : t('programmes.custody.effectNone')}
          </Alert>
        )}
        <HeldInstruments participant={participant} />
      </>
    </FormModal>
  );
}
