import { Badge, Card, Group, Select, SimpleGrid, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { formatMoney, type Locale } from '../../../../shared/format';
import {
  initiativeMemberKinds,
  type InitiativeDetail,
  type InitiativeFigures,
  type InitiativeMemberKind,
} from '../../../../shared/programmes/initiative-schemas';
import { useApiQuery } from '../../api';
import { routes } from '../../app/routes';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { BackLink, EditButton, Field } from '../../components/RecordParts';
import { useCan } from '../../components/session';
import { InitiativeFormModal } from './InitiativeFormModal';
import { LinkModal, MembersTable } from './InitiativeMembers';
import { useYears } from './InitiativesPage';

const k = 'programmes.initiatives.';

/** The years an initiative's figures can be asked for: from its first to its last (or this year). */
function yearsOf(i: InitiativeDetail['initiative'], now: number): number[] {
  const last = Math.max(i.startYear, i.endYear ?? now);
  return Array.from({ length: last - i.startYear + 1 }, (_, n) => last - n);
}

/** The initiative's figures for the year chosen; participants under five read "< 5". */
function Figures({ initiative }: { initiative: InitiativeDetail['initiative'] }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const now = new Date().getFullYear();
  const choices = yearsOf(initiative, now);
  const [year, setYear] = useState(() => (choices.includes(now) ? now : choices[0]!));
  const figures = useApiQuery('initiatives.figures', { id: initiative.id, year });
  const f: InitiativeFigures | undefined = figures.data;
  const num = (n: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n);
  const cells: Array<[string, string]> = f
    ? [
        ['workshops', num(f.workshops)],
        ['ensembles', num(f.ensembles)],
        ['participants', f.participants === null ? t(`${k}figures.small`) : num(f.participants)],
        ['sessions', num(f.sessions)],
        ['hours', num(f.hours)],
        ['events', num(f.events)],
        ['audience', num(f.audience)],
        ['exhibitions', num(f.exhibitions)],
        ['partners', num(f.partners)],
        ['expenses', formatMoney(f.expensesCentimos, locale)],
      ]
    : [];
  return (
    <Card withBorder mb="md" padding="sm" data-testid="initiative-figures">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t(`${k}figures.title`)}</Title>
        <Select
          aria-label={t(`${k}figures.year`)}
          data={choices.map(String)}
          value={String(year)}
          onChange={(v) => v && setYear(Number(v))}
          allowDeselect={false}
          w={110}
        />
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 5 }}>
        {cells.map(([key, value]) => (
          <Field key={key} label={t(`${k}figures.${key}`)}>
            <Text fw={700} size="lg" data-testid={`figure-${key}`}>
              {value}
            </Text>
          </Field>
        ))}
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt="xs">
        {t(`${k}figures.participantsHint`)}
      </Text>
    </Card>
  );
}

/** One initiative: its data, partners and agreements, its figures for a year, and the records it groups. */
export function InitiativePage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState(false);
  const [linking, setLinking] = useState<InitiativeMemberKind | null>(null);
  const canEdit = useCan('initiatives.update');
  const years = useYears();
  const detail = useApiQuery('initiatives.get', { id: Number(id) });
  const tab = (params.get('tab') as InitiativeMemberKind | null) ?? 'workshops';
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  const d = detail.data;
  if (!d) return null;
  const i = d.initiative;
  return (
    <>
      <BackLink to={routes.initiatives} label={t(`${k}back`)} />
      <PageHeader
        title={i.name}
        subtitle={years(i)}
        actions={
          <Group gap="xs">
            {!i.active && (
              <Badge color="gray" variant="light" tt="none">
                {t(`${k}inactive`)}
              </Badge>
            )}
            {canEdit && <EditButton onClick={() => setEditing(true)} />}
          </Group>
        }
      />
      <Card withBorder mb="md" padding="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Field label={t(`${k}description`)}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {i.description}
            </Text>
          </Field>
          <Field label={t(`${k}partners`)}>
            {i.partners.length === 0 ? t(`${k}noPartners`) : i.partners.map((p) => p.name).join(', ')}
          </Field>
          <Field label={t(`${k}agreements`)}>
            {i.agreements.length === 0 ? t(`${k}noAgreements`) : i.agreements.map((a) => `${a.title} (${a.partnerName})`).join('; ')}
          </Field>
        </SimpleGrid>
      </Card>
      <Figures key={i.id} initiative={i} />
      <Tabs
        value={tab}
        onChange={(v) =>
          v &&
          setParams((p) => {
            p.set('tab', v);
            return p;
          })
        }
        keepMounted={false}
      >
        <Tabs.List mb="sm">
          {initiativeMemberKinds.map((kind) => (
            <Tabs.Tab key={kind} value={kind}>
              {t(`${k}kinds.${kind}`)} ({i.counts[kind]})
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {initiativeMemberKinds.map((kind) => (
          <Tabs.Panel key={kind} value={kind}>
            <MembersTable initiative={i} kind={kind} members={d.members[kind]} onLink={() => setLinking(kind)} />
          </Tabs.Panel>
        ))}
      </Tabs>
      <LinkModal initiative={i} kind={linking} onClose={() => setLinking(null)} />
      <InitiativeFormModal opened={editing} onClose={() => setEditing(false)} initiative={i} />
    </>
  );
}
