import { Card, Group, Image, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconPhoto } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { formatDateTime } from '../../../../shared/format';
import { useApiQuery } from '../../api';
import { routes } from '../../app/routes';
import { ErrorState } from '../../components/ErrorState';
import { RecordPage } from '../../components/RecordPage';
import { useCan } from '../../components/session';
import { useMoney } from '../../components/money';
import { ArtworkFormModal } from './ArtworkFormModal';
import { ArtworkExhibitionsPanel, ConditionPanel, CustodyPanel } from './ArtworkHistory';
import { ArtworkPhotos } from './ArtworkPhotos';
import { ConsentPanel } from './ConsentPanel';
import { ConsentBadges, CustodyBadge, dimensionsCm, Field } from './ui';

/** One artwork: its data, photos, the artist's consent, condition reports, custody and exhibitions. */
export function ArtworkPage() {
  const { t, i18n } = useTranslation();
  const money = useMoney();
  const id = Number(useParams().id);
  const artwork = useApiQuery('artworks.get', { id });
  const canEdit = useCan('artworks.update');
  const [editing, setEditing] = useState(false);
  const a = artwork.data;
  if (artwork.error) return <ErrorState error={artwork.error} onRetry={() => void artwork.refetch()} />;
  if (!a) return null;

  return (
    <RecordPage
      backTo={routes.artworks}
      backLabel={t('internarte.artworks.back')}
      headingWrap={false}
      onEdit={canEdit ? () => setEditing(true) : undefined}
      initialTab="data"
      heading={
        <Group align="flex-start" wrap="nowrap">
          {a.thumbnail ? (
            <Image src={a.thumbnail} alt={a.title} w={96} h={96} fit="cover" radius="sm" />
          ) : (
            <IconPhoto size={64} color="var(--mantine-color-gray-4)" aria-hidden />
          )}
          <Stack gap={4}>
            <Title order={2} fs="italic">
              {a.title}
            </Title>
            <Text c="dimmed" data-testid="artwork-artist">
              {a.artistLabel}
              {a.year ? `, ${a.year}` : ''}
            </Text>
            <Group gap="xs">
              <CustodyBadge status={a.custodyStatus} />
              <ConsentBadges consent={a.consent} />
            </Group>
          </Stack>
        </Group>
      }
      tabs={[
        {
          value: 'data',
          label: t('internarte.artworks.tabs.data'),
          panel: (
            <Card withBorder>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <Field label={t('internarte.artworks.fields.artist')}>{a.artistLabel}</Field>
                <Field label={t('internarte.artworks.fields.establishment')}>{a.establishmentName}</Field>
                <Field label={t('internarte.artworks.fields.workshop')}>{a.workshopName ?? t('internarte.artworks.noWorkshop')}</Field>
                <Field label={t('internarte.artworks.fields.technique')}>{t(`internarte.techniques.${a.technique}`)}</Field>
                <Field label={t('internarte.artworks.fields.materials')}>{a.materials}</Field>
                <Field label={t('internarte.artworks.fields.dimensions')}>
                  {dimensionsCm(a.heightMm, a.widthMm, a.depthMm, i18n.language)}
                </Field>
                <Field label={t('internarte.artworks.fields.year')}>{a.year}</Field>
                <Field label={t('internarte.artworks.fields.saleStatus')}>{t(`internarte.saleStatuses.${a.saleStatus}`)}</Field>
                <Field label={t('internarte.artworks.fields.price')}>{a.priceCentimos === null ? null : money(a.priceCentimos)}</Field>
                <Field label={t('internarte.artworks.fields.notes')}>{a.notes}</Field>
                <Field label={t('internarte.artworks.fields.updatedAt')}>
                  {formatDateTime(a.updatedAt)} · {a.updatedBy}
                </Field>
              </SimpleGrid>
              {a.artistName === null && (
                <Text size="xs" c="dimmed" mt="sm">
                  {t('internarte.artworks.artistHidden')}
                </Text>
              )}
            </Card>
          ),
        },
        { value: 'photos', label: `${t('internarte.artworks.tabs.photos')} (${a.photoCount})`, panel: <ArtworkPhotos artworkId={a.id} /> },
        { value: 'consent', label: t('internarte.artworks.tabs.consent'), panel: <ConsentPanel artwork={a} /> },
        { value: 'condition', label: t('internarte.artworks.tabs.condition'), panel: <ConditionPanel artworkId={a.id} /> },
        { value: 'custody', label: t('internarte.artworks.tabs.custody'), panel: <CustodyPanel artwork={a} /> },
        { value: 'exhibitions', label: t('internarte.artworks.tabs.exhibitions'), panel: <ArtworkExhibitionsPanel artworkId={a.id} /> },
      ]}
    >
      <ArtworkFormModal opened={editing} onClose={() => setEditing(false)} artwork={a} />
    </RecordPage>
  );
}
