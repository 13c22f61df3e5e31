import { Button, Card, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconEdit, IconFileSpreadsheet, IconFileText, IconFileTypeDocx, IconFileTypePdf } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isIsoDay } from '../../../../shared/format';
import { call, useApiQuery } from '../../api';
import { DateField } from '../../components/fields';
import { SavedFileNote, useSaveFile } from '../../components/files';
import { PageHeader } from '../../components/PageHeader';
import { useCan } from '../../components/session';
import { UnescoTextsModal } from './UnescoTextsModal';

/** The annual report (XLSX, PDF) and the UNESCO 2005 Convention entry, regenerated from the data for a chosen period. */
export function ProgrammeReportsPage() {
  const { t } = useTranslation();
  const year = new Date().getFullYear();
  const [from, setFrom] = useState<string | null>(`${year}-01-01`);
  const [to, setTo] = useState<string | null>(`${year}-12-31`);
  const [savedPath, setSavedPath] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const saveFile = useSaveFile();
  // A date still being typed is not a period yet: nothing is asked of main until both are whole days.
  const valid = isIsoDay(from) && isIsoDay(to) && from <= to;
  const canAnnual = useCan('programmeReports.annual');
  const canUnesco = useCan('programmeReports.unescoExport');
  const canTexts = useCan('programmeReports.saveUnescoTexts');
  const entry = useApiQuery('programmeReports.unesco', { from: from ?? '', to: to ?? '' }, { enabled: valid });
  // The entry's texts are kept per year: the year the period ends.
  const entryYear = valid ? Number(to.slice(0, 4)) : null;
  const texts = useApiQuery('programmeReports.unescoTexts', { year: entryYear ?? 0 }, { enabled: entryYear !== null });
  const [editing, setEditing] = useState(false);
  const run = (
    ...[channel, format]: ['programmeReports.annual', 'xlsx' | 'pdf'] | ['programmeReports.unescoExport', 'xlsx' | 'pdf' | 'docx' | 'txt']
  ) =>
    void saveFile(() => call(channel, { from: from ?? '', to: to ?? '', format } as never), { inline: true })
      .then((r) => {
        setErrors({});
        if (r) setSavedPath(r.path);
      })
      .catch((err: { error?: { fields: Record<string, string> } }) => setErrors(err.error?.fields ?? {}));
  const e = entry.data;
  return (
    <>
      <PageHeader title={t('programmes.reports.title')} subtitle={t('programmes.reports.subtitle')} />
      <Card withBorder padding="sm" mb="md">
        <Group align="flex-end">
          <DateField label={t('programmes.common.from')} value={from} onChange={setFrom} error={errors.from} w={170} />
          <DateField
            label={t('programmes.common.to')}
            value={to}
            onChange={setTo}
            error={errors.to ?? (isIsoDay(from) && isIsoDay(to) && from > to ? t('programmes.errors.periodOrder') : undefined)}
            w={170}
          />
        </Group>
      </Card>
      <SimpleGrid cols={{ base: 1, md: 2 }} mb="md">
        <Card withBorder padding="md">
          <Title order={4}>{t('programmes.reports.annualTitle')}</Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('programmes.reports.annualHint')}
          </Text>
          {canAnnual && (
            <Group>
              <Button
                leftSection={<IconFileSpreadsheet size={16} />}
                disabled={!valid}
                onClick={() => run('programmeReports.annual', 'xlsx')}
              >
                {t('programmes.reports.xlsx')}
              </Button>
              <Button
                variant="light"
                leftSection={<IconFileTypePdf size={16} />}
                disabled={!valid}
                onClick={() => run('programmeReports.annual', 'pdf')}
              >
                {t('programmes.reports.pdf')}
              </Button>
            </Group>
          )}
        </Card>
        <Card withBorder padding="md">
          <Title order={4}>{t('programmes.reports.unescoTitle')}</Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('programmes.reports.unescoHint')}
          </Text>
          <Group>
            {canUnesco && (
              <>
                <Button
                  leftSection={<IconFileTypeDocx size={16} />}
                  disabled={!valid}
                  onClick={() => run('programmeReports.unescoExport', 'docx')}
                >
                  {t('programmes.unescoEntry.docx')}
                </Button>
                <Button
                  variant="light"
                  leftSection={<IconFileTypePdf size={16} />}
                  disabled={!valid}
                  onClick={() => run('programmeReports.unescoExport', 'pdf')}
                >
                  {t('programmes.reports.pdf')}
                </Button>
                <Button
                  variant="light"
                  leftSection={<IconFileText size={16} />}
                  disabled={!valid}
                  onClick={() => run('programmeReports.unescoExport', 'txt')}
                >
                  {t('programmes.unescoEntry.txt')}
                </Button>
                <Button
                  variant="light"
                  leftSection={<IconFileSpreadsheet size={16} />}
                  disabled={!valid}
                  onClick={() => run('programmeReports.unescoExport', 'xlsx')}
                >
                  {t('programmes.reports.xlsx')}
                </Button>
              </>
            )}
            {canTexts && texts.data && (
              <Button variant="default" leftSection={<IconEdit size={16} />} onClick={() => setEditing(true)}>
                {t('programmes.unescoEntry.form.edit')}
              </Button>
            )}
          </Group>
        </Card>
      </SimpleGrid>
      {texts.data && <UnescoTextsModal opened={editing} onClose={() => setEditing(false)} texts={texts.data} />}
      {savedPath && (
        <Stack mb="md">
          <SavedFileNote path={savedPath} />
        </Stack>
      )}
      {e && (
        <Card withBorder padding="md" data-testid="unesco-preview">
          <Text size="xs" c="dimmed" tt="uppercase">
            {t('programmes.reports.preview')} — {t('programmes.unesco.header')}
          </Text>
          <Title order={3} mt={4}>
            {e.title}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('programmes.reports.periodLabel')}: {e.period}
          </Text>
          <Title order={5}>{t('programmes.unescoEntry.headings.mainFeatures')}</Title>
          <Text size="sm" mb="sm" style={{ whiteSpace: 'pre-line' }}>
            {e.description}
          </Text>
          <Title order={5}>{t('programmes.unescoEntry.headings.activities')}</Title>
          <List size="sm" mb="sm" type="ordered" listStyleType="upper-roman">
            {e.activities.map((a) => (
              <List.Item key={a}>{a}</List.Item>
            ))}
          </List>
          <Title order={5}>{t('programmes.unescoEntry.headings.results')}</Title>
          <List size="sm" mb="sm">
            {e.results.map((a) => (
              <List.Item key={a}>{a}</List.Item>
            ))}
          </List>
          <Title order={5}>{t('programmes.unescoEntry.headings.financial')}</Title>
          <Text size="sm" mb="sm">
            {e.financial}
          </Text>
          <Title order={5}>{t('programmes.unescoEntry.headings.partners')}</Title>
          {e.partners.length === 0 && (
            <Text size="sm" mb="sm">
              {t('programmes.unescoEntry.none')}
            </Text>
          )}
          <Table mb="sm" maw={720} hidden={e.partners.length === 0}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('programmes.unescoEntry.partnerName')}</Table.Th>
                <Table.Th>{t('programmes.unescoEntry.partnerType')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {e.partners.map((p) => (
                <Table.Tr key={p.name}>
                  <Table.Td>{p.name}</Table.Td>
                  <Table.Td>{p.type}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Title order={5}>{t('programmes.unescoEntry.headings.evaluated')}</Title>
          <Text size="sm" mb="sm">
            {e.evaluated === null
              ? t('programmes.unescoEntry.notSaid')
              : t(e.evaluated ? 'programmes.unescoEntry.yes' : 'programmes.unescoEntry.no')}
          </Text>
          <Title order={5}>{t('programmes.unescoEntry.headings.conclusions')}</Title>
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            {e.conclusions || t('programmes.unescoEntry.none')}
          </Text>
          <Text size="sm" fw={600} mt="xs">
            {t('programmes.unescoEntry.indicators')}
          </Text>
          <List size="sm" mb="sm">
            {e.evaluation.map((a) => (
              <List.Item key={a}>{a}</List.Item>
            ))}
          </List>
          <Title order={5}>{t('programmes.unescoEntry.headings.goals')}</Title>
          <Text size="sm" mb="sm">
            {e.goals.join(' · ') || t('programmes.unescoEntry.none')}
          </Text>
          <Title order={5}>{t('programmes.unescoEntry.headings.domains')}</Title>
          <Text size="sm">{e.domains.join(' · ') || t('programmes.unescoEntry.none')}</Text>
        </Card>
      )}
    </>
  );
}
