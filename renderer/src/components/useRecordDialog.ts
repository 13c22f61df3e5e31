import type { ChannelName } from '../../../shared/channels';
import type { ChannelInput, ChannelOutput } from '../../../shared/contract';
import { useApiMutation } from '../api';
import { useRecordForm, type RecordFormOptions } from './useRecordForm';

/** A record kind whose channels `<kind>.create` and `<kind>.update` exist ('ensembles', 'staff'). */
type Kind = { [K in ChannelName]: K extends `${infer P}.create` ? (`${P}.update` extends ChannelName ? P : never) : never }[ChannelName];
type Create<P extends Kind> = Extract<`${P}.create`, ChannelName>;
type Update<P extends Kind> = Extract<`${P}.update`, ChannelName>;

export interface RecordDialogOptions<V, P extends Kind> extends Omit<RecordFormOptions<V>, 'recordKey'> {
  onClose: () => void;
  /** What the green notice says once main agrees (it may name what was saved). */
  savedMessage: (result: ChannelOutput<Create<P>>) => string;
  /** After a save, before the dialog closes. */
  onSaved?: (result: ChannelOutput<Create<P>>) => void;
}

/**
 * A dialog that creates a record of `kind` or edits `record` (null or undefined for a new
 * one), with useRecordForm's form, which resets with the record. `write(input, extra)` creates
 * a record from `input` (`<kind>.create`), or updates the record (`<kind>.update`: its id and
 * version go along, and `extra`, such as `active`); once main agrees, the notice, `onSaved`
 * and closing. `modal(save)`: FormModal's props from the form and the writes.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- useRecordForm's constraint
export function useRecordDialog<V extends Record<string, any>, P extends Kind>(
  kind: P,
  record: { id: number; version: number } | null | undefined,
  options: RecordDialogOptions<V, P>,
) {
  const { onClose, onSaved } = options;
  const rf = useRecordForm<V>({ ...options, recordKey: record?.id ?? null });
  const create = useApiMutation(`${kind}.create` as Create<P>);
  const update = useApiMutation(`${kind}.update` as Update<P>);
  const saving = create.isPending || update.isPending;
  const write = (input: ChannelInput<Create<P>>, extra: object = {}) => {
    rf.setFormError(null);
    const callbacks = rf.saved(options.savedMessage, (result: ChannelOutput<Create<P>>) => {
      onSaved?.(result);
      onClose();
    });
    if (record)
      update.mutate({ ...input, ...extra, id: record.id, version: record.version } as ChannelInput<Update<P>>, callbacks as never);
    else create.mutate(input, callbacks);
  };
  return { ...rf, write, saving, modal: (save: (values: V) => void) => ({ ...rf.modal(save), onClose, saving }) };
}
