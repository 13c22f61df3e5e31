import { Badge } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Stocktake, StocktakeLine } from '../../../../../shared/inventory/stocktake-schemas';
import { routes } from '../../../app/routes';

export const stocktakePath = (id: number) => `${routes.stocktakes}/${id}`;

export function StocktakeStatusBadge({ status }: { status: Stocktake['status'] }) {
  const { t } = useTranslation();
  return status === 'abierto' ? (
    <Badge color="blue" variant="light" tt="none">
      {t('inventory.stocktake.open')}
    </Badge>
  ) : (
    <Badge color="gray" variant="light" tt="none">
      {t('inventory.stocktake.closed')}
    </Badge>
  );
}

/** Where the records put an instrument that was counted here: an establishment, the warehouse, or its status. */
export function registeredWhere(line: StocktakeLine, t: TFunction): string {
  if (!line.registeredStatus) return '';
  if (line.registeredStatus === 'en_almacen') return t('inventory.instruments.central');
  const status = t(`inventory.statuses.${line.registeredStatus}`);
  if (line.registeredStatus === 'asignado') return line.registeredEstablishmentName ?? status;
  return line.registeredEstablishmentName ? `${status}, ${line.registeredEstablishmentName}` : status;
}
