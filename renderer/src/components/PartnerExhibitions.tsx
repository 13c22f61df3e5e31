import { Anchor, Divider, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../shared/format';
import { useApiQuery } from '../api';
import { routes } from '../app/routes';
import { useCan } from './session';

/** A partner's exhibitions, for the partner's page; nothing for a role that does not see exhibitions. */
export function PartnerExhibitions({ partnerId }: { partnerId: number }) {
  const { t } = useTranslation();
  const can = useCan('exhibitions.byPartner');
  const list = useApiQuery('exhibitions.byPartner', { partnerId }, { enabled: can });
  if (!can || !list.data || list.data.length === 0) return null;
  return (
    <Stack gap={4}>
      <Divider label={t('internarte.exhibitions.partnerExhibitions')} labelPosition="left" />
      {list.data.map((x) => (
        <Text key={x.id} size="sm">
          <Anchor component={Link} to={`${routes.exhibitions}/${x.id}`}>
            {x.title}
          </Anchor>{' '}
          <Text span c="dimmed" size="xs">
            {[x.venue, x.startsOn ? `${formatDate(x.startsOn)} – ${formatDate(x.endsOn) || '—'}` : null].filter(Boolean).join(' · ')}
          </Text>
        </Text>
      ))}
    </Stack>
  );
}
