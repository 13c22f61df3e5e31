import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A form's refusal that belongs to no single field, above the fields; nothing when there is none.
 * A module of its own: the sign-in screen shows it, and must not load the date picker with it.
 */
export function FormErrorAlert({ error, icon }: { error: string | null | undefined; icon?: ReactNode }) {
  if (!error) return null;
  return (
    <Alert color="red" role="alert" icon={icon}>
      {error}
    </Alert>
  );
}
