import { Alert, Button, Group, Radio, Select, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import type { Dispatch, SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportInspection, ImportMode, ImportTable } from '../../../../shared/import/schemas';
import { SkippedNote } from './parts';

export type Mapping = Record<string, string | null>;

/** A header row's first cells, as the clerk recognises it. */
const firstCells = (c: ImportTable) => [...new Set(c.headers.map((h) => h.replace(/ \(\d+\)$/, '')))].slice(0, 4).join(' · ').slice(0, 90);

/** Step 2: which row holds the headers, which column holds each field, create or update. */
export function MappingStep({
  inspection,
  table,
  mapping,
  setMapping,
  mappingErrors,
  setMappingErrors,
  remembered,
  mode,
  setMode,
  startError,
  onHeaderRow,
  onBack,
  onCheck,
}: {
  inspection: ImportInspection;
  table: ImportTable;
  mapping: Mapping;
  setMapping: Dispatch<SetStateAction<Mapping>>;
  mappingErrors: Record<string, string>;
  setMappingErrors: Dispatch<SetStateAction<Record<string, string>>>;
  remembered: boolean;
  mode: ImportMode;
  setMode: (mode: ImportMode) => void;
  startError: string | null;
  onHeaderRow: (row: string | null) => void;
  onBack: () => void;
  onCheck: () => void;
}) {
  const { t } = useTranslation();
  const samplesOf = (header: string | null) => {
    if (!header) return '';
    const col = table.headers.indexOf(header);
    return table.sampleRows
      .map((r) => r[col] ?? '')
      .filter((v) => v !== '')
      .slice(0, 3)
      .join(' · ');
  };

  return (
    <Stack>
      <Text size="sm">
        {t('import.file.summary', { fileName: inspection.fileName, count: table.rowCount, columns: table.headers.length })}
      </Text>
      <Group align="flex-end" gap="sm" wrap="nowrap">
        <Select
          label={t('import.headerRow.label')}
          description={t('import.headerRow.help')}
          data={inspection.headerChoices.map((c) => ({
            value: String(c.headerRow),
            label: t('import.headerRow.choice', { row: c.headerRow, cells: firstCells(c) }),
          }))}
          value={String(table.headerRow)}
          onChange={onHeaderRow}
          allowDeselect={false}
          error={mappingErrors.headerRow}
          comboboxProps={{ withinPortal: true }}
          style={{ flex: 1 }}
        />
      </Group>
      <Text size="sm" data-testid="import-header-row">
        {t('import.headerRow.detected', { row: table.headerRow })}
      </Text>
      <SkippedNote skipped={table.skipped} />
      <Text size="sm" c="dimmed">
        {t('import.mapping.intro')}
      </Text>
      {remembered && (
        <Alert variant="light" icon={<IconInfoCircle size={16} />} py={6}>
          {t('import.mapping.remembered')}
        </Alert>
      )}
      <Table verticalSpacing={6} data-testid="import-mapping">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="26%">{t('import.mapping.field')}</Table.Th>
            <Table.Th w="34%">{t('import.mapping.column')}</Table.Th>
            <Table.Th>{t('import.mapping.sample')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {inspection.fields.map((f) => (
            <Table.Tr key={f.key}>
              <Table.Td>
                <Text size="sm" fw={500} component="span">
                  {f.label}
                </Text>
                {f.required && (
                  <Text component="span" c="red" aria-hidden>
                    {' *'}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Select
                  aria-label={f.label}
                  required={f.required}
                  placeholder={t('import.mapping.notImported')}
                  data={table.headers}
                  value={mapping[f.key] ?? null}
                  onChange={(v) => {
                    setMapping((m) => ({ ...m, [f.key]: v }));
                    setMappingErrors(({ [f.key]: _gone, ...rest }) => rest);
                  }}
                  clearable={!f.required}
                  searchable
                  error={mappingErrors[f.key]}
                  comboboxProps={{ withinPortal: true }}
                />
              </Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed" lineClamp={2}>
                  {samplesOf(mapping[f.key] ?? null)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Radio.Group label={t('import.mapping.mode')} value={mode} onChange={(v) => setMode(v as ImportMode)}>
        <Stack gap={6} mt={6}>
          <Radio value="create" label={t('import.mapping.modeCreate')} />
          <Radio value="upsert" label={t('import.mapping.modeUpsert')} />
        </Stack>
      </Radio.Group>
      {startError && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} py={6}>
          {startError}
        </Alert>
      )}
      <Group justify="space-between">
        <Button variant="default" onClick={onBack}>
          {t('import.back')}
        </Button>
        <Button onClick={onCheck}>{t('import.check.run')}</Button>
      </Group>
    </Stack>
  );
}
