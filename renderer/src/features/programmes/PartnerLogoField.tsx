import { Button, FileButton, Group, Image, Input, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPhotoOff, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiCallError, useApiMutation, useApiQuery } from '../../api';
import { toBase64 } from '../../components/files';
import { useCan } from '../../components/session';

/**
 * A partner's logo (issue 18: printed on the catalog's cover and credits): the stored logo's
 * thumbnail (a JPEG main drew, also of an SVG: never the SVG itself in the page), «Subir logo»
 * and «Quitar logo» for whoever may edit partners, and a refusal beside the field.
 */
export function PartnerLogoField({ partnerId, name }: { partnerId: number; name: string }) {
  const { t } = useTranslation();
  const detail = useApiQuery('partners.get', { id: partnerId });
  const setLogo = useApiMutation('partners.setLogo');
  const removeLogo = useApiMutation('partners.removeLogo');
  const canSet = useCan('partners.setLogo');
  const canRemove = useCan('partners.removeLogo');
  const [error, setError] = useState<string | null>(null);
  const logo = detail.data?.logo ?? null;
  const refused = (err: Error) => setError(err instanceof ApiCallError ? (err.error.fields.logo ?? err.message) : err.message);

  const upload = (file: File | null) => {
    if (!file) return;
    setError(null);
    void toBase64(file).then((dataBase64) =>
      setLogo.mutate(
        { id: partnerId, fileName: file.name, dataBase64 },
        {
          onSuccess: () => notifications.show({ color: 'teal', message: t('programmes.partnerLogo.uploaded', { name }) }),
          onError: refused,
        },
      ),
    );
  };
  const remove = () => {
    setError(null);
    removeLogo.mutate(
      { id: partnerId },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: t('programmes.partnerLogo.removed', { name }) }),
        onError: refused,
      },
    );
  };

  return (
    <Input.Wrapper label={t('programmes.partnerLogo.label')} description={t('programmes.partnerLogo.hint')} error={error}>
      <Group align="center" gap="sm" mt={4}>
        <Paper withBorder p={4} w={132} h={60} style={{ display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
          {logo?.thumbnail ? (
            <Image src={logo.thumbnail} alt={t('programmes.partnerLogo.alt', { name })} maw={120} mah={50} fit="contain" />
          ) : (
            <Stack gap={0} align="center">
              <IconPhotoOff size={18} aria-hidden />
              <Text size="xs" c="dimmed">
                {t('programmes.partnerLogo.empty')}
              </Text>
            </Stack>
          )}
        </Paper>
        {canSet && (
          <FileButton accept="image/png,image/svg+xml,.svg" onChange={upload}>
            {(props) => (
              <Button {...props} size="xs" variant="light" leftSection={<IconUpload size={14} />} loading={setLogo.isPending}>
                {t('programmes.partnerLogo.upload')}
              </Button>
            )}
          </FileButton>
        )}
        {canRemove && logo && (
          <Button size="xs" variant="subtle" color="red" onClick={remove} loading={removeLogo.isPending}>
            {t('programmes.partnerLogo.remove')}
          </Button>
        )}
        {logo && (
          <Text size="xs" c="dimmed">
            {logo.name}
          </Text>
        )}
      </Group>
    </Input.Wrapper>
  );
}
