import { Button, Menu } from '@mantine/core';
import { IconArrowsExchange, IconBarcode, IconQrcode, IconTags } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Instrument } from '../../../../../shared/inventory/schemas';
import { SelectionBar as GenericSelectionBar } from '../../../components/SelectionBar';

/** The bar over the register while instruments are selected: who they are, labels, one movement for all. */
export function SelectionBar({
  selected,
  onClear,
  canLabel,
  canMove,
  onLabels,
  onMove,
}: {
  selected: Instrument[];
  onClear: () => void;
  canLabel: boolean;
  canMove: boolean;
  onLabels: (symbology: 'qr' | 'code128') => void;
  onMove: () => void;
}) {
  const { t } = useTranslation();
  return (
    <GenericSelectionBar names={selected.map((i) => i.code)} onClear={onClear}>
      {canLabel && (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button size="sm" variant="default" leftSection={<IconTags size={16} />}>
              {t('inventory.labelsMenu.button')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item leftSection={<IconQrcode size={16} />} onClick={() => onLabels('qr')}>
              {t('inventory.labelsMenu.qr')}
            </Menu.Item>
            <Menu.Item leftSection={<IconBarcode size={16} />} onClick={() => onLabels('code128')}>
              {t('inventory.labelsMenu.barcode')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      )}
      {canMove && (
        <Button size="sm" leftSection={<IconArrowsExchange size={16} />} onClick={onMove}>
          {t('inventory.instruments.moveSelection')}
        </Button>
      )}
    </GenericSelectionBar>
  );
}
