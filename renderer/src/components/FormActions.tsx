import { Button, Group, type MantineColor, type MantineSpacing } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The buttons at the foot of a form: "Cancelar" and the one that saves ("Guardar" unless
 * `label` says otherwise). Without `onSave` the save button submits the form.
 */
export function FormActions({
  onCancel,
  saving,
  onSave,
  label,
  mt,
  disabled,
  extra,
  color,
  icon,
  readOnly,
  cancelDisabled,
}: {
  onCancel: () => void;
  saving: boolean;
  onSave?: () => void;
  label?: string;
  mt?: MantineSpacing;
  disabled?: boolean;
  /** Another button between the two (e.g. "Guardar y registrar otro"). */
  extra?: ReactNode;
  /** The save button's colour ("red" for an action that cannot be undone). */
  color?: MantineColor;
  /** An icon before the save button's text. */
  icon?: ReactNode;
  /** The clerk may only read: "Cancelar" alone. */
  readOnly?: boolean;
  /** "Cancelar" greyed out (while an action that cannot be interrupted runs). */
  cancelDisabled?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" mt={mt}>
      <Button variant="default" onClick={onCancel} disabled={cancelDisabled}>
        {t('common.cancel')}
      </Button>
      {extra}
      {!readOnly && (
        <Button type={onSave ? 'button' : 'submit'} color={color} leftSection={icon} loading={saving} onClick={onSave} disabled={disabled}>
          {label ?? t('common.save')}
        </Button>
      )}
    </Group>
  );
}
