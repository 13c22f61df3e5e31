import { Alert, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLinkOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartReview } from '../../../../shared/programmes/schemas';
import { useApiMutation, useApiQuery } from '../../api';
import { FormModal } from '../../components/FormModal';
import { useCan } from '../../components/session';
import { useRecordForm } from '../../components/useRecordForm';
import { partInput, PartSelect } from './parts';
import { nameOf, refusalHandler, StageBadge } from './ui';
import { RowsTable } from '../../components/RowsTable';
import { TwoLineCell } from '../../components/cells';

const p = 'programmes.ensembleParts.';

/** Links one typed part to the list: the clerk chooses the instrument or voice. */
function LinkModal({ review, onClose }: { review: PartReview | null; onClose: () => void }) {
  const { t } = useTranslation();
  const link = useApiMutation('ensembles.linkPart');
  const { form, setFormError, saved, modal } = useRecordForm<{ part: string | null }>({
    opened: review !== null,
    recordKey: review?.id ?? null,
    values: () => ({ part: null }),
  });
  const save = ({ part }: { part: string | null }) => {
    if (!review) return;
    setFormError(null);
    link.mutate(
      { id: review.id, ...partInput(part) },
      saved(() => t(`${p}linked`, { text: review.originalText, code: review.participantCode }), onClose),
    );
  };
  return (
    <FormModal
      {...modal(save)}
      onClose={onClose}
      title={review ? `${review.participantCode} · «${review.originalText}»` : ''}
      saving={link.isPending}
      saveLabel={t(`${p}link`)}
      saveDisabled={form.values.part === null}
      gap="sm"
    >
      {review && (
        <Text size="sm">
          {review.ensembleName} · {review.establishmentName}
        </Text>
      )}
      <PartSelect
        label={t(`${p}choose`)}
        data-autofocus
        {...form.getInputProps('part')}
        error={form.errors.part ?? form.errors.partTypeId ?? form.errors.partVoice}
      />
    </FormModal>
  );
}

/**
 * "Partes sin vincular" on the ensembles' page: the parts typed before the list existed that
 * match no single instrument or voice, with their count; each is linked or dismissed (the
 * typed text stays on the member either way).
 */
export function PartReviewsSection() {
  const { t } = useTranslation();
  const allowed = useCan('ensembles.partReviews');
  const canLink = useCan('ensembles.linkPart');
  const canDismiss = useCan('ensembles.dismissPart');
  const list = useApiQuery('ensembles.partReviews', { status: 'pendiente' }, { enabled: allowed });
  const dismiss = useApiMutation('ensembles.dismissPart');
  const [open, setOpen] = useState(false);
  const [linking, setLinking] = useState<PartReview | null>(null);
  const rows = list.data ?? [];
  if (!allowed) return null;
  // The dialogs stay in the page when the list empties: the last link's answer (its notice, the
  // dialog closing) arrives after the refreshed list, and would be lost with them.
  return (
    <>
      {rows.length > 0 && (
        <Alert color="orange" variant="light" mb="sm" icon={<IconLinkOff size={18} />} data-testid="part-reviews-alert">
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm" fw={600}>
              {t(`${p}reviewsCount`, { count: rows.length })}
            </Text>
            <Button size="xs" variant="light" color="orange" onClick={() => setOpen(true)}>
              {t(`${p}show`)}
            </Button>
          </Group>
        </Alert>
      )}
      <Modal opened={open && rows.length > 0} onClose={() => setOpen(false)} size={960} title={t(`${p}reviewsTitle`)}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t(`${p}reviewsHelp`)}
          </Text>
          <RowsTable
            striped
            verticalSpacing={4}
            fz="sm"
            aria-label={t(`${p}reviewsTitle`)}
            head={
              <>
                <Table.Th>{t(`${p}ensemble`)}</Table.Th>
                <Table.Th>{t(`${p}participant`)}</Table.Th>
                <Table.Th>{t(`${p}typed`)}</Table.Th>
                <Table.Th>{t(`${p}stage`)}</Table.Th>
                <Table.Th />
              </>
            }
            records={rows}
            row={(r) => (
              <Table.Tr key={r.id}>
                <TwoLineCell detail={r.establishmentName}>{r.ensembleName}</TwoLineCell>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {r.participantCode}
                  </Text>
                  {r.firstNames && (
                    <Text size="xs" c="dimmed">
                      {nameOf(r)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>«{r.originalText}»</Table.Td>
                <Table.Td>
                  <StageBadge stage={r.stage} />
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap" justify="flex-end">
                    {canLink && (
                      <Button
                        size="compact-xs"
                        variant="light"
                        onClick={() => setLinking(r)}
                        aria-label={`${t(`${p}link`)}: ${r.participantCode}`}
                      >
                        {t(`${p}link`)}
                      </Button>
                    )}
                    {canDismiss && (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        loading={dismiss.isPending && dismiss.variables?.id === r.id}
                        aria-label={`${t(`${p}dismiss`)}: ${r.participantCode}`}
                        onClick={() =>
                          dismiss.mutate(
                            { id: r.id },
                            {
                              onSuccess: () =>
                                notifications.show({
                                  color: 'teal',
                                  message: t(`${p}dismissed`, { text: r.originalText, code: r.participantCode }),
                                }),
                              onError: refusalHandler(),
                            },
                          )
                        }
                      >
                        {t(`${p}dismiss`)}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            )}
          />
        </Stack>
      </Modal>
      <LinkModal review={linking} onClose={() => setLinking(null)} />
    </>
  );
}
