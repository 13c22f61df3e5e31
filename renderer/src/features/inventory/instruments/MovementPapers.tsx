import { Button } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../../shared/format';
import type { Movement } from '../../../../../shared/inventory/schemas';
import { call } from '../../../api';
import { useSaveFile } from '../../../components/files';
import { PapersButton } from '../../../components/PapersPanel';
import { useCan } from '../../../components/session';

/** Movements that file signed papers (issue 16, item 4): a transfer's dispatch and receipt, a repair. */
const paperKinds = new Set<Movement['kind']>(['despacho', 'recepcion', 'envio_reparacion', 'retorno_reparacion']);

/**
 * A movement's papers (the scanned dispatch, receipt or invoice) behind a paperclip, and for a
 * transfer the acta the app prints (dispatch and receipt, with signature lines).
 */
export function MovementPapers({ mv }: { mv: Movement }) {
  const { t } = useTranslation();
  const saveFile = useSaveFile();
  const canPrint = useCan('movements.transferActa');
  if (!paperKinds.has(mv.kind)) return null;
  const transfer = mv.kind === 'despacho' || mv.kind === 'recepcion';
  return (
    <PapersButton
      prefix="movements"
      id={mv.id}
      name={`${t(`inventory.kinds.${mv.kind}`)} ${formatDate(mv.date)}${mv.documentNumber ? ` · ${mv.documentNumber}` : ''}`}
      extra={
        transfer && canPrint ? (
          <Button
            variant="light"
            size="xs"
            w="fit-content"
            leftSection={<IconFileTypePdf size={14} />}
            onClick={() => void saveFile(() => call('movements.transferActa', { id: mv.id })).catch(() => undefined)}
          >
            {t('inventory.transfers.acta')}
          </Button>
        ) : undefined
      }
    />
  );
}
