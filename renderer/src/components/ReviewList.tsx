import { Group, Tabs, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconLink, IconX } from '@tabler/icons-react';
import type { DataTableColumn } from 'mantine-datatable';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelName } from '../../../shared/channels';
import type { ChannelInput, ChannelOutput } from '../../../shared/contract';
import { formatDateTime } from '../../../shared/format';
import { useApiMutation, useApiQuery, type ApiCallError } from '../api';
import { EmptyState } from './EmptyState';
import { ErrorState } from './ErrorState';
import { FormModal } from './FormModal';
import { PageHeader } from './PageHeader';
import { PlainTable } from './PlainTable';
import { RowAction } from './RecordParts';
import { useCan } from './session';
import { useRecordForm } from './useRecordForm';

/** Where an item left "sin vincular" stands: still to do, linked, or dismissed. */
type ReviewStatus = 'pendiente' | 'vinculado' | 'descartado';

/** What every item a migration could not link has. */
interface Review {
  id: number;
  /** What was typed before links existed. */
  originalText: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
}

/** The channels that list the items of type R in one status. */
type ListChannel<R> = {
  [K in ChannelName]: { status: ReviewStatus } extends ChannelInput<K> ? (ChannelOutput<K> extends R[] ? K : never) : never;
}[ChannelName];

/** The channels that take an item's id alone. */
type DismissChannel = { [K in ChannelName]: { id: number } extends ChannelInput<K> ? K : never }[ChannelName];

/** The values a page's texts name ({{code}}, {{text}}, {{establishment}}…) for one item. */
type TextValues = Record<string, string>;

/** The link dialog's one field, bound to its form: the page's picker spreads it. */
export interface ChoiceField {
  value: string | null;
  onChange: (value: string | null) => void;
  error: ReactNode;
}

export interface ReviewListProps<R extends Review, L extends ListChannel<R>, K extends ChannelName, D extends DismissChannel> {
  /** The page's channels: its list, "Vincular" and "Descartar" (each button shown to who may use its channel). */
  channels: { list: L; link: K; dismiss: D };
  /**
   * The key prefix of the page's texts: title, subtitle, link, linkTitle, linkText, linked,
   * dismiss, dismissTitle, dismissConfirm, dismissed, resolvedAt, resolvedBy, emptyTitle, emptyText.
   */
  texts: string;
  /** The statuses' tabs, and the key prefix of their names. */
  statuses: readonly ReviewStatus[];
  statusTexts: string;
  /** The page's own columns; the buttons (pending) or who resolved it and when follow. */
  columns: DataTableColumn<R>[];
  /** On the linked tab, before "resolved": what the item was linked to. */
  linkedColumn?: DataTableColumn<R>;
  /** The item as a row's buttons name it ("Vincular: VIO-0101"). */
  name: (review: R) => string;
  values: (review: R) => TextValues;
  /** "Vincular": the channel's input for the item and the chosen id. */
  linkInput: (review: R, chosenId: number) => ChannelInput<K>;
  /** Main's name of the chosen id's field: its refusal shows beside the picker. */
  linkField: string;
  /** The picker of what the typed text was, given the item (null while the dialog is closed) and the bound field. */
  picker: (review: R | null, field: ChoiceField) => ReactNode;
  /** More values for the "linked" notice, from main's answer. */
  linkedValues?: (result: ChannelOutput<K>) => TextValues;
  /** Above the heading (a way back). */
  before?: ReactNode;
}

/**
 * A page of the records a migration could not link ("sin vincular"): tabs by status, the
 * pending ones with "Vincular" (a dialog choosing what the typed text was) and "Descartar" (a
 * confirmation: the typed text stays), the linked and dismissed ones with who resolved them
 * and when. The page brings its channels, its columns, its picker and its texts.
 */
export function ReviewList<R extends Review, L extends ListChannel<R>, K extends ChannelName, D extends DismissChannel>(
  props: ReviewListProps<R, L, K, D>,
) {
  const { channels, texts: v, name, values } = props;
  const { t } = useTranslation();
  const [status, setStatus] = useState<ReviewStatus>('pendiente');
  const [linking, setLinking] = useState<R | null>(null);
  // The mutations are this component's, which stays while the page shows: a mutation's own
  // callbacks (the notice) are dropped when the component that asked for it unmounts.
  const list = useApiQuery(channels.list, { status } as ChannelInput<L>);
  const link = useApiMutation(channels.link);
  const dismiss = useApiMutation(channels.dismiss);
  const canLink = useCan(channels.link);
  const canDismiss = useCan(channels.dismiss);
  // What ListChannel<R> answers, which TypeScript cannot work out for a channel yet unknown.
  const rows = (list.data ?? []) as unknown as R[];

  const failed = (err: ApiCallError) => notifications.show({ color: 'red', message: err.error.message });
  const confirmDismiss = (r: R) =>
    modals.openConfirmModal({
      title: t(`${v}dismissTitle`),
      children: <Text size="sm">{t(`${v}dismissConfirm`, values(r))}</Text>,
      labels: { confirm: t(`${v}dismiss`), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        dismiss.mutate({ id: r.id } as ChannelInput<D>, {
          onSuccess: () => notifications.show({ color: 'teal', message: t(`${v}dismissed`, values(r)) }),
          onError: failed,
        }),
    });

  const columns = [...props.columns];
  if (status === 'pendiente') {
    if (canLink || canDismiss) {
      columns.push({
        accessor: 'actions',
        title: '',
        textAlign: 'right',
        noWrap: true,
        render: (r) => (
          <Group gap={2} justify="flex-end" wrap="nowrap">
            {canLink && (
              <RowAction label={t(`${v}link`)} name={name(r)} onClick={() => setLinking(r)}>
                <IconLink size={18} />
              </RowAction>
            )}
            {canDismiss && (
              <RowAction label={t(`${v}dismiss`)} name={name(r)} color="red" onClick={() => confirmDismiss(r)}>
                <IconX size={18} />
              </RowAction>
            )}
          </Group>
        ),
      });
    }
  } else {
    if (status === 'vinculado' && props.linkedColumn) columns.push(props.linkedColumn);
    columns.push(
      { accessor: 'resolvedAt', title: t(`${v}resolvedAt`), noWrap: true, render: (r) => formatDateTime(r.resolvedAt) },
      { accessor: 'resolvedBy', title: t(`${v}resolvedBy`), render: (r) => r.resolvedBy ?? '' },
    );
  }

  // The link dialog stays in the page whatever the list shows (empty, or its error): the last
  // item's answer (its notice, the dialog closing) arrives after the refreshed list, and would
  // be lost with it.
  return (
    <>
      {props.before}
      <PageHeader title={t(`${v}title`)} subtitle={t(`${v}subtitle`)} />
      <Tabs value={status} onChange={(s) => setStatus((s as ReviewStatus | null) ?? 'pendiente')} mb="sm">
        <Tabs.List>
          {props.statuses.map((s) => (
            <Tabs.Tab key={s} value={s}>
              {t(`${props.statusTexts}${s}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <PlainTable<R>
          emptyHeight={260}
          fetching={list.isPending}
          records={rows}
          idAccessor="id"
          columns={columns}
          emptyState={<EmptyState title={t(`${v}emptyTitle`)} text={t(`${v}emptyText`)} />}
        />
      )}
      <LinkDialog<R, ChannelOutput<K>>
        texts={v}
        values={values}
        review={linking}
        onClose={() => setLinking(null)}
        saving={link.isPending}
        field={props.linkField}
        picker={props.picker}
        onLink={(review, chosenId, callbacks) => link.mutate(props.linkInput(review, chosenId), callbacks)}
        linked={(review, result) => t(`${v}linked`, { ...values(review), ...props.linkedValues?.(result) })}
      />
    </>
  );
}

/** "Vincular": what the typed text was, chosen with the page's picker. */
function LinkDialog<R extends Review, O>({
  texts: v,
  values,
  review,
  onClose,
  saving,
  field,
  picker,
  onLink,
  linked,
}: {
  texts: string;
  values: (review: R) => TextValues;
  review: R | null;
  onClose: () => void;
  saving: boolean;
  field: string;
  picker: (review: R | null, field: ChoiceField) => ReactNode;
  /** Asks main, with the call's callbacks (the notice and closing, or the refusal in the dialog). */
  onLink: (review: R, chosenId: number, callbacks: { onSuccess: (result: O) => void; onError: (err: ApiCallError) => void }) => void;
  /** The notice once linked. */
  linked: (review: R, result: O) => string;
}) {
  const { t } = useTranslation();
  // The texts of the item last opened, while the dialog closes.
  const [last, setLast] = useState<R | null>(review);
  if (review && review !== last) setLast(review);
  const shown = review ?? last;
  const shownValues = shown ? values(shown) : {};
  const rf = useRecordForm<{ choice: string | null }>({
    opened: review !== null,
    recordKey: review?.id,
    values: () => ({ choice: null }),
    validate: (values) => (values.choice === null ? { choice: t('errors.choose') } : {}),
    fieldNames: { [field]: 'choice' },
  });
  const { form } = rf;
  const save = ({ choice }: { choice: string | null }) => {
    if (!review || choice === null) return;
    rf.setFormError(null);
    onLink(
      review,
      Number(choice),
      rf.saved((result: O) => linked(review, result), onClose),
    );
  };
  return (
    <FormModal
      {...rf.modal(save)}
      onClose={onClose}
      title={t(`${v}linkTitle`, shownValues)}
      size="md"
      saving={saving}
      saveLabel={t(`${v}link`)}
      gap="sm"
      header={<Text size="sm">{t(`${v}linkText`, shownValues)}</Text>}
    >
      {picker(review, {
        value: form.values.choice,
        onChange: (id) => form.setFieldValue('choice', id),
        error: form.errors.choice,
      })}
    </FormModal>
  );
}
