import { Alert, Button, List } from '@mantine/core';
import { IconBan } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Instrument } from '../../../../../shared/inventory/schemas';

/** Main's refusal of a movement: its sentence, and each refused instrument with its reason. */
export interface Refusal {
  message: string;
  items: Array<{ code: string; reason: string }>;
}

/** Main refused the movement (the state changed meanwhile): which instruments, why, and taking them out. */
export function RefusalAlert({
  refusal,
  instruments,
  onRemove,
  onRemoved,
}: {
  refusal: Refusal;
  instruments: Instrument[];
  onRemove?: (codes: string[]) => void;
  onRemoved: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Alert color="red" role="alert" icon={<IconBan />} title={refusal.message}>
      {(instruments.length > 1 || refusal.items.some((r) => r.reason !== refusal.message)) && (
        <List size="sm" spacing={2} data-testid="movement-refusals">
          {refusal.items.map((r) => (
            <List.Item key={r.code}>{r.reason}</List.Item>
          ))}
        </List>
      )}
      {onRemove && instruments.length > refusal.items.length && refusal.items.length > 0 && (
        <Button
          mt="sm"
          size="xs"
          variant="white"
          color="red"
          onClick={() => {
            onRemove(refusal.items.map((r) => r.code));
            onRemoved();
          }}
        >
          {t('inventory.movement.removeRefused')}
        </Button>
      )}
    </Alert>
  );
}
