import { Alert, Group, List, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { allowedCustody, endsEnrolments, type CustodyKind } from '../../../../shared/programmes/rules';
import type { Participant } from '../../../../shared/programmes/schemas';
import { useApiMutation, useApiQuery } from '../../api';
import { DateField, todayIso, useEstablishmentOptions, FormActions } from '../../components/fields';
import { accentFilter } from '../../components/accentFilter';
import { useResetOnOpen } from '../../forms';

/**
 * A custody change as one action: a transfer or a release ends the open enrolments at the
 * origin, lists the instruments the participant holds for recovery, keeps the history.
 */
export function CustodyModal({ participant, onClose }: { participant: Participant | null; onClose: () => void }) {
  const { t } = useTranslation();
  const establishments = useEstablishmentOptions('active');
  const [kind, setKind] = useState<string | null>(null);
  const [date, setDate] = useState<string | null>(todayIso());
  const [to, setTo] = useState<string | null>(null);
  const [doc, setDoc] = useState('');
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const change = useApiMutation('participants.custodyChange');
  const held = useApiQuery('participants.instruments', { id: participant?.id ?? 0 }, { enabled: participant !== null });
  // Reset when it opens or turns to another record, never on a background refetch.
  useResetOnOpen(participant !== null, participant?.id, () => {
    if (!participant) return;
    setKind(allowedCustody(participant.status)[0] ?? null);
    setDate(todayIso());
    setTo(null);
    setDoc('');
    setNotes('');
    setErrors({});
  });
  if (!participant) return null;
  const kinds = allowedCustody(participant.status);
  const instruments = held.data;
  const withDestination = kind === 'traslado' || kind === 'reincorporacion';
  return (
    <Modal
      opened
      onClose={onClose}
      size={620}
      title={t('programmes.custody.title', { code: participant.code })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {kinds.length === 0 ? (
        <Text>{t('programmes.custody.noneAllowed')}</Text>
      ) : (
        <Stack gap="sm">
          <Select
            label={t('programmes.custody.kind')}
            data={kinds.map((k) => ({ value: k, label: t(`programmes.custodyKinds.${k}`) }))}
            value={kind}
            onChange={setKind}
            allowDeselect={false}
            error={errors.kind}
            data-autofocus
          />
          <Group grow align="flex-start">
            <DateField label={t('programmes.custody.date')} withAsterisk value={date} onChange={setDate} error={errors.date} />
            <TextInput
              label={t('programmes.custody.documentNumber')}
              value={doc}
              onChange={(e) => setDoc(e.currentTarget.value)}
              error={errors.documentNumber}
            />
          </Group>
          {withDestination && (
            <Select
              label={t('programmes.custody.toEstablishment')}
              withAsterisk={kind === 'traslado'}
              searchable
              clearable
              filter={accentFilter}
              data={establishments.filter((e) => kind !== 'traslado' || Number(e.value) !== participant.establishmentId)}
              value={to}
              onChange={setTo}
              error={errors.toEstablishmentId}
            />
          )}
          <Textarea
            label={t('programmes.custody.notes')}
            autosize
            minRows={2}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
          />
          {kind && endsEnrolments(kind as CustodyKind) && (
            <Alert color="blue" variant="light">
              {participant.openEnrolments > 0
                ? t('programmes.custody.effect', { count: participant.openEnrolments })
                : t('programmes.custody.effectNone')}
            </Alert>
          )}
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
              <Text size="sm">
                {t('programmes.participants.instrumentsNone')} {t('programmes.participants.instrumentsHint', { code: participant.code })}
              </Text>
            )}
          </Alert>
          <FormActions
            onCancel={onClose}
            color="orange"
            saving={change.isPending}
            onSave={() =>
              change.mutate(
                {
                  participantId: participant.id,
                  version: participant.version,
                  kind: (kind ?? '') as CustodyKind,
                  date: date ?? '',
                  toEstablishmentId: withDestination && to ? Number(to) : null,
                  documentNumber: doc,
                  notes,
                },
                {
                  onSuccess: (r) => {
                    const recover = r.instrumentsToRecover ?? [];
                    notifications.show({
                      color: recover.length > 0 ? 'orange' : 'teal',
                      autoClose: recover.length > 0 ? false : 6000,
                      message: [
                        t('programmes.custody.done', { code: r.participant.code, kind: t(`programmes.custodyKinds.${kind}`) }),
                        t('programmes.participants.enrolmentsEnded', { count: r.enrolmentsEnded }),
                        recover.length > 0 ? t('programmes.custody.recoverList', { codes: recover.map((i) => i.code).join(', ') }) : '',
                      ]
                        .filter(Boolean)
                        .join(' '),
                    });
                    onClose();
                  },
                  onError: (err) => {
                    setErrors(err.error.fields);
                    notifications.show({ color: 'red', message: err.message });
                  },
                },
              )
            }
            label={t('programmes.custody.confirm')}
          />
        </Stack>
      )}
    </Modal>
  );
}
