import { Button, Card, Group, List, Stack, Title } from '@mantine/core';
import { IconPackageExport, IconPackageImport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../components/FormErrorAlert';
import { SentNote } from './SentNote';
import type { Exchange } from './useExchange';

/**
 * At a site: «Intercambio con la oficina central» — send this site's package (saved where the clerk
 * chooses, a USB stick) and read the centre's; a refusal or the package just saved beside the buttons.
 */
export function ExchangeCard({ exchange }: { exchange: Exchange }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md" aria-labelledby="site-exchange-title" component="section">
      <Stack gap="sm">
        <Title order={4} id="site-exchange-title">
          {t('sites.exchangeScreens.cardTitle')}
        </Title>
        <List size="sm" spacing={4}>
          <List.Item>{t('sites.exchangeScreens.helpCarry')}</List.Item>
          <List.Item>{t('sites.exchangeScreens.helpLost')}</List.Item>
        </List>
        <Group>
          <Button
            leftSection={<IconPackageExport size={16} />}
            loading={exchange.sending}
            disabled={exchange.busy && !exchange.sending}
            onClick={() => exchange.send()}
          >
            {t('sites.exchangeScreens.send')}
          </Button>
          <Button
            variant="light"
            leftSection={<IconPackageImport size={16} />}
            loading={exchange.receiving}
            disabled={exchange.busy && !exchange.receiving}
            onClick={exchange.receive}
          >
            {t('sites.exchangeScreens.receive')}
          </Button>
        </Group>
        <FormErrorAlert error={exchange.error} />
        {exchange.sent && <SentNote sent={exchange.sent} />}
      </Stack>
    </Card>
  );
}
