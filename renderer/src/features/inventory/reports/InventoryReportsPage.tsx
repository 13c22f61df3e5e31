import { Button, Card, Group, Select, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBuildingWarehouse, IconFileSpreadsheet, IconFileTypePdf, IconHeartRateMonitor, IconTransfer } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportResult } from '../../../../../shared/ipc';
import { ApiCallError, call } from '../../../api';
import { PageHeader } from '../../../components/PageHeader';
import { DateField, todayIso, useEstablishmentOptions } from '../../../components/fields';
import { SavedFileNote, useSaveFile } from '../../../components/files';
import { askPersonalDataReason } from '../../../components/PersonalDataReason';

function ReportCard({
  icon,
  title,
  text,
  children,
  saved,
}: {
  icon: ReactNode;
  title: string;
  text: string;
  children: ReactNode;
  saved: string | null;
}) {
  return (
    <Card withBorder padding="lg" component="section" aria-label={title}>
      <Stack gap="sm" h="100%">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon variant="light" size={40} radius="md">
            {icon}
          </ThemeIcon>
          <Stack gap={2}>
            <Title order={4}>{title}</Title>
            <Text size="sm" c="dimmed">
              {text}
            </Text>
          </Stack>
        </Group>
        {children}
        {saved && <SavedFileNote path={saved} />}
      </Stack>
    </Card>
  );
}

/** One report being generated at a time per card, its last file kept in view. */
function useReport() {
  const saveFile = useSaveFile();
  const [busy, setBusy] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const run = async (which: string, action: () => Promise<ExportResult>, onFields?: (fields: Record<string, string>) => void) => {
    setBusy(which);
    try {
      const r = await saveFile(action, { inline: true });
      if (r) setSaved(r.path);
    } catch (err) {
      if (err instanceof ApiCallError) onFields?.(err.error.fields);
    } finally {
      setBusy(null);
    }
  };
  return { busy, saved, run };
}

/** The inventory's three reports: one establishment's inventory, instruments by condition, movements in a period. */
export function InventoryReportsPage() {
  const { t } = useTranslation();
  const establishments = useEstablishmentOptions();

  const byEstablishment = useReport();
  const [establishmentId, setEstablishmentId] = useState<string | null>(null);
  const [establishmentError, setEstablishmentError] = useState<string | null>(null);
  const runByEstablishment = (format: 'xlsx' | 'pdf') => {
    if (establishmentId === null) {
      setEstablishmentError(t('errors.required'));
      return;
    }
    const report = (reason?: string) =>
      call('inventory.reportByEstablishment', {
        establishmentId: Number(establishmentId),
        format,
        ...(reason === undefined ? {} : { reason }),
      });
    void byEstablishment.run(
      format,
      async (): Promise<ExportResult> => {
        try {
          return await report();
        } catch (err) {
          // The report names participants holding instruments (a role with the personal-data permission): main asks why first.
          if (!(err instanceof ApiCallError) || err.error.fields.reason === undefined) throw err;
          const reason = await askPersonalDataReason(t, t('inventory.reports.reasonFor'));
          return reason === null ? { status: 'cancelled' } : report(reason);
        }
      },
      (fields) => setEstablishmentError(fields.establishmentId ?? null),
    );
  };

  const byCondition = useReport();

  const movements = useReport();
  const [from, setFrom] = useState<string | null>(dayjs().startOf('year').format('YYYY-MM-DD'));
  const [to, setTo] = useState<string | null>(todayIso());
  const [movementsEstablishment, setMovementsEstablishment] = useState<string | null>(null);
  const [periodErrors, setPeriodErrors] = useState<Record<string, string>>({});
  const runMovements = () => {
    const errors: Record<string, string> = {};
    if (!from) errors.from = t('errors.required');
    if (!to) errors.to = t('errors.required');
    if (from && to && from > to) errors.to = t('inventory.reports.periodOrder');
    setPeriodErrors(errors);
    if (Object.keys(errors).length) return;
    void movements.run(
      'xlsx',
      () =>
        call('inventory.reportMovements', {
          from: from!,
          to: to!,
          establishmentId: movementsEstablishment === null ? null : Number(movementsEstablishment),
        }),
      setPeriodErrors,
    );
  };

  return (
    <>
      <PageHeader title={t('inventory.reports.title')} subtitle={t('inventory.reports.subtitle')} />
      <SimpleGrid cols={{ base: 1, md: 2, lg: 3 }} spacing="md">
        <ReportCard
          icon={<IconBuildingWarehouse size={22} />}
          title={t('inventory.reports.byEstablishment')}
          text={t('inventory.reports.byEstablishmentText')}
          saved={byEstablishment.saved}
        >
          <Select
            required
            label={t('inventory.stocktake.establishment')}
            data={establishments}
            value={establishmentId}
            onChange={(v) => {
              setEstablishmentId(v);
              setEstablishmentError(null);
            }}
            error={establishmentError}
            searchable
            selectFirstOptionOnChange
          />
          <Group gap="xs" mt="auto">
            <Button
              variant="light"
              leftSection={<IconFileSpreadsheet size={16} />}
              loading={byEstablishment.busy === 'xlsx'}
              disabled={byEstablishment.busy !== null}
              onClick={() => runByEstablishment('xlsx')}
            >
              {t('inventory.reports.generateXlsx')}
            </Button>
            <Button
              leftSection={<IconFileTypePdf size={16} />}
              loading={byEstablishment.busy === 'pdf'}
              disabled={byEstablishment.busy !== null}
              onClick={() => runByEstablishment('pdf')}
            >
              {t('inventory.reports.generatePdf')}
            </Button>
          </Group>
        </ReportCard>

        <ReportCard
          icon={<IconHeartRateMonitor size={22} />}
          title={t('inventory.reports.byCondition')}
          text={t('inventory.reports.byConditionText')}
          saved={byCondition.saved}
        >
          <Group gap="xs" mt="auto">
            <Button
              variant="light"
              leftSection={<IconFileSpreadsheet size={16} />}
              loading={byCondition.busy !== null}
              onClick={() => void byCondition.run('xlsx', () => call('inventory.reportByCondition', { format: 'xlsx' }))}
            >
              {t('inventory.reports.generateXlsx')}
            </Button>
          </Group>
        </ReportCard>

        <ReportCard
          icon={<IconTransfer size={22} />}
          title={t('inventory.reports.movements')}
          text={t('inventory.reports.movementsText')}
          saved={movements.saved}
        >
          <Group grow align="flex-start" gap="sm">
            <DateField
              required
              label={t('inventory.reports.from')}
              value={from}
              onChange={(v) => {
                setFrom(v);
                setPeriodErrors({});
              }}
              error={periodErrors.from}
            />
            <DateField
              required
              label={t('inventory.reports.to')}
              value={to}
              onChange={(v) => {
                setTo(v);
                setPeriodErrors({});
              }}
              error={periodErrors.to}
            />
          </Group>
          <Select
            label={t('inventory.stocktake.establishment')}
            placeholder={t('inventory.reports.allEstablishments')}
            data={establishments}
            value={movementsEstablishment}
            onChange={setMovementsEstablishment}
            error={periodErrors.establishmentId}
            searchable
            clearable
          />
          <Group gap="xs" mt="auto">
            <Button
              variant="light"
              leftSection={<IconFileSpreadsheet size={16} />}
              loading={movements.busy !== null}
              onClick={runMovements}
            >
              {t('inventory.reports.generateXlsx')}
            </Button>
          </Group>
        </ReportCard>
      </SimpleGrid>
    </>
  );
}
