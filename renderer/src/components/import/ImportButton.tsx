import { Button } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportTarget } from '../../../../shared/import/schemas';
import { HoverTooltip } from '../HoverTooltip';
import { MountOnOpen } from '../MountOnOpen';
import { ImportWizard } from './ImportWizard';

/** "Importar" on a page's header: opens the spreadsheet import of one target (see ImportWizard for `fixed` and `hint`). */
export function ImportButton({
  target,
  label,
  fixed,
  hint,
}: {
  target: ImportTarget;
  label?: string;
  fixed?: Record<string, number>;
  hint?: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <HoverTooltip label={t('import.buttonHint')}>
        <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => setOpen(true)}>
          {label ?? t('import.button')}
        </Button>
      </HoverTooltip>
      {/* The wizard (its steps, its form) is built when it first opens: the page does not pay for it on every visit. */}
      <MountOnOpen opened={open}>
        <ImportWizard opened={open} onClose={() => setOpen(false)} target={target} fixed={fixed} hint={hint} />
      </MountOnOpen>
    </>
  );
}
