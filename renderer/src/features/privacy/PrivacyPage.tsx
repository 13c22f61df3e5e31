import { Alert, Anchor, Card, List, Stack, Table, Text, Title } from '@mantine/core';
import { IconShieldCheck, IconShieldLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { routes } from '../../app/routes';
import { useCan, useHasPermission, useUser } from '../../components/session';

const stored = ['code', 'names', 'sex', 'birthYear', 'establishment', 'participation', 'artworks'] as const;

/** What the app keeps about participants and why, who sees it, and how exports are logged. */
export function PrivacyPage() {
  const { t } = useTranslation();
  const user = useUser();
  const seesNames = useHasPermission('personalData');
  const seesLog = useCan('audit.personalDataExports');

  return (
    <>
      <PageHeader title={t('privacy.title')} subtitle={t('privacy.subtitle')} />
      <Stack gap="md" maw={1000}>
        {user && (
          <Alert color={seesNames ? 'indigo' : 'gray'} icon={seesNames ? <IconShieldCheck size={18} /> : <IconShieldLock size={18} />}>
            {t(seesNames ? 'privacy.yourRoleYes' : 'privacy.yourRoleNo', { role: t(`auth.roles.${user.role}`) })}
          </Alert>
        )}
        <Card withBorder>
          <Title order={3} mb="sm">
            {t('privacy.storedTitle')}
          </Title>
          <Table striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="28%">{t('privacy.columns.data')}</Table.Th>
                <Table.Th>{t('privacy.columns.why')}</Table.Th>
                <Table.Th w="20%">{t('privacy.columns.who')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {stored.map((k) => (
                <Table.Tr key={k}>
                  <Table.Td fw={500}>{t(`privacy.stored.${k}.data`)}</Table.Td>
                  <Table.Td>{t(`privacy.stored.${k}.why`)}</Table.Td>
                  <Table.Td>{t(k === 'artworks' ? 'privacy.whoArtworks' : 'privacy.whoNames')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
        <Card withBorder>
          <Title order={3} mb="xs">
            {t('privacy.notStoredTitle')}
          </Title>
          <Text size="sm">{t('privacy.notStored')}</Text>
        </Card>
        <Card withBorder>
          <Title order={3} mb="xs">
            {t('privacy.rolesTitle')}
          </Title>
          <Text size="sm">{t('privacy.roles')}</Text>
        </Card>
        <Card withBorder>
          <Title order={3} mb="xs">
            {t('privacy.exportsTitle')}
          </Title>
          <List size="sm" spacing={4}>
            <List.Item>{t('privacy.exports')}</List.Item>
            <List.Item>{t('privacy.audit')}</List.Item>
          </List>
          {seesLog && (
            <Anchor component={Link} to={`${routes.audit}?vista=exportaciones`} size="sm" mt="xs" display="inline-block">
              {t('privacy.exportsLink')}
            </Anchor>
          )}
        </Card>
      </Stack>
    </>
  );
}
