import { Modal, Stack, type MantineColor, type MantineSize, type MantineSpacing, type ModalProps } from '@mantine/core';
import type { FormEventHandler, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from './FormActions';
import { FormErrorAlert } from './FormErrorAlert';
import { useBuiltOnOpen } from './MountOnOpen';

/**
 * A dialog with one form: the refusal above the fields (FormErrorAlert), the fields, and
 * "Cancelar" / "Guardar" at the foot (FormActions). Pair it with useRecordForm. `footer`
 * replaces the buttons where a dialog needs others (they must still submit the form).
 */
export function FormModal({
  opened,
  onClose,
  title,
  size,
  onSubmit,
  error,
  errorIcon,
  saving,
  saveLabel,
  saveColor,
  saveIcon,
  saveDisabled,
  cancelDisabled,
  readOnly,
  footer,
  extraAction,
  header,
  gap,
  actionsMt,
  children,
}: {
  opened: boolean;
  onClose: () => void;
  title: ReactNode;
  size?: ModalProps['size'];
  onSubmit: FormEventHandler<HTMLFormElement>;
  error: string | null | undefined;
  errorIcon?: ReactNode;
  saving: boolean;
  saveLabel?: string;
  saveColor?: MantineColor;
  /** An icon before the save button's text. */
  saveIcon?: ReactNode;
  /** The save button greyed out (e.g. until a confirmation is ticked). */
  saveDisabled?: boolean;
  /** "Cancelar" greyed out (while an action that cannot be interrupted runs). */
  cancelDisabled?: boolean;
  /** The clerk may only read: "Cancelar" alone, and Enter in a field saves nothing. */
  readOnly?: boolean;
  footer?: ReactNode;
  /** A button between Cancel and Save. */
  extraAction?: ReactNode;
  /** Above the refusal (an introduction to the form). */
  header?: ReactNode;
  gap?: MantineSize;
  actionsMt?: MantineSpacing;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const dialog = useBuiltOnOpen(opened); // none built for a page's closed dialogs
  if (!dialog.built) return null;
  return (
    <Modal opened={dialog.opened} onClose={onClose} title={title} size={size} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={readOnly ? (e) => e.preventDefault() : onSubmit} noValidate>
        <Stack gap={gap}>
          {header}
          <FormErrorAlert error={error} icon={errorIcon} />
          {children}
          {footer ?? (
            <FormActions
              onCancel={onClose}
              saving={saving}
              label={saveLabel}
              color={saveColor}
              icon={saveIcon}
              disabled={saveDisabled}
              cancelDisabled={cancelDisabled}
              readOnly={readOnly}
              mt={actionsMt}
              extra={extraAction}
            />
          )}
        </Stack>
      </form>
    </Modal>
  );
}
