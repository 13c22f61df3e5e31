import { useForm, type FormErrors, type GetInputPropsReturnType, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState, type FormEventHandler } from 'react';
import type { ApiCallError } from '../api';
import { renameErrors, useResetOnOpen } from '../forms';

/** What `form.getInputProps(field)` gives a field: for a component that draws fields of a form it does not own. */
export type FieldProps = GetInputPropsReturnType;

export interface RecordFormOptions<V> {
  /** Whether the dialog is open. */
  opened: boolean;
  /** The record's id (null or undefined for a new one): the form resets when it changes while open. */
  recordKey?: string | number | null;
  /** The values the form takes on opening: the record's, or a new one's. */
  values: () => V;
  /** Before the dialog first opens (defaults to `values()`). */
  initialValues?: V;
  validate?: (values: V) => FormErrors;
  /** Main's field names → the form's, for field messages of a refusal. */
  fieldNames?: Record<string, string>;
  /** Anything else the dialog resets on opening (local state beside the form). */
  onOpen?: () => void;
  /** Called on every change of the values (e.g. to clear a refusal once the clerk edits). */
  onValuesChange?: (values: V) => void;
  /**
   * false where main's sentence repeats the field's message (a wrong password): the sentence
   * shows above the fields only when no field is to blame. Defaults to true (both).
   */
  sentenceWithFields?: boolean;
}

export interface RecordForm<V> {
  form: UseFormReturnType<V>;
  /** Main's refusal that belongs to no single field (for FormErrorAlert). */
  formError: string | null;
  setFormError: (message: string | null) => void;
  /** A refusal from main: its sentence above the fields, its field messages beside the fields. */
  onError: (err: ApiCallError) => void;
  /**
   * A save's callbacks: once main agrees, `message` in green (it may name what was saved) and
   * `then` (closing the dialog, usually); a refusal goes to onError.
   */
  saved: <R>(
    message: string | ((result: R) => string),
    then: (result: R) => void,
  ) => { onSuccess: (result: R) => void; onError: (err: ApiCallError) => void };
  /** FormModal's props that come from the form: open with the dialog, `save` on a valid submit, the refusal above the fields. */
  modal: (save: (values: V) => void) => { opened: boolean; onSubmit: FormEventHandler<HTMLFormElement>; error: string | null };
}

/**
 * The form of a dialog that creates or edits one record. It resets (values, field messages,
 * the refusal above the fields, and `onOpen`) when the dialog opens, or turns to another
 * record while open — never because the record was fetched again in the background: what the
 * clerk typed or ticked stays. A refusal from main keeps everything typed.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the constraint of @mantine/form's useForm (an interface has no index signature)
export function useRecordForm<V extends Record<string, any>>(options: RecordFormOptions<V>): RecordForm<V> {
  const { opened, recordKey, values, validate, fieldNames, onOpen, onValuesChange, sentenceWithFields = true } = options;
  const [formError, setFormError] = useState<string | null>(null);
  const [initialValues] = useState<V>(() => options.initialValues ?? values());
  const form = useForm<V>({ mode: 'controlled', initialValues, validate, onValuesChange });

  useResetOnOpen(opened, recordKey, () => {
    setFormError(null);
    form.setErrors({});
    form.setValues(values());
    form.resetDirty();
    onOpen?.();
  });

  const onError = (err: ApiCallError) => {
    const blamed = Object.keys(err.error.fields).length > 0;
    setFormError(sentenceWithFields || !blamed ? err.error.message : null);
    if (sentenceWithFields || blamed) form.setErrors(fieldNames ? renameErrors(err.error.fields, fieldNames) : err.error.fields);
  };

  const saved = <R>(message: string | ((result: R) => string), then: (result: R) => void) => ({
    onSuccess: (result: R) => {
      notifications.show({ color: 'teal', message: typeof message === 'string' ? message : message(result) });
      then(result);
    },
    onError,
  });

  const modal = (save: (values: V) => void) => ({ opened, onSubmit: form.onSubmit(save), error: formError });

  return { form, formError, setFormError, onError, saved, modal };
}
