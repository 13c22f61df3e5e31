import { Alert, Button, Center, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export function ErrorState({ error, onRetry }: { error: Error | null; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Center p="xl">
      <Stack maw={520}>
        <Alert color="red" icon={<IconAlertTriangle />} title={t('app.unexpected')}>
          {error?.message}
        </Alert>
        {onRetry && (
          <Button variant="default" onClick={onRetry}>
            {t('app.retry')}
          </Button>
        )}
      </Stack>
    </Center>
  );
}
