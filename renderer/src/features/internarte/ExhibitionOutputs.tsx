import {
  Alert,
  Button,
  Card,
  Group,
  Loader,
  Modal,
  Progress,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconBook2, IconEye, IconTags } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  catalogLayouts,
  catalogPageSizes,
  outputLanguages,
  type CatalogExportDone,
  type CatalogPreview,
} from '../../../../shared/internarte/catalog-schemas';
import { formatDateTime } from '../../../../shared/format';
import { ApiCallError, call } from '../../api';
import { SavedFileNote, useSaveFile } from '../../components/files';
import { useJobStatus } from '../../components/useJobStatus';
import { useCan } from '../../components/session';
import { CatalogPreflight } from './CatalogPreflight';

type PageSize = (typeof catalogPageSizes)[number];
type Layout = (typeof catalogLayouts)[number];
type Lang = (typeof outputLanguages)[number];

const messageOf = (err: unknown) => (err instanceof ApiCallError || err instanceof Error ? err.message : String(err));

/**
 * The exhibition's printed outputs: the catalog (options, a preview of its first pages,
 * the PDF made as a job with progress and cancel) and the wall labels. Main decides what
 * may appear (consent); this screen only asks for it.
 */
export function ExhibitionOutputs({ exhibitionId }: { exhibitionId: number }) {
  const { t, i18n } = useTranslation();
  const canExport = useCan('catalog.export');
  const canLabels = useCan('catalog.labels');
  const saveFile = useSaveFile();
  const [pageSize, setPageSize] = useState<PageSize>('A4');
  const [layout, setLayout] = useState<Layout>('one');
  const [lang, setLang] = useState<Lang>(i18n.language === 'en' ? 'en' : 'es-PE');
  const [printShop, setPrintShop] = useState(false);
  const [preview, setPreview] = useState<CatalogPreview | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useJobStatus(jobId);
  const [done, setDone] = useState<CatalogExportDone | null>(null);
  const [notice, setNotice] = useState<{ color: 'red' | 'yellow'; text: string } | null>(null);
  const [labelsPath, setLabelsPath] = useState<{ path: string; rows: number } | null>(null);
  const options = { exhibitionId, pageSize, layout, lang, printShop };

  const openPreview = async () => {
    setNotice(null);
    setPreviewing(true);
    try {
      setPreview(await call('catalog.preview', options));
    } catch (err) {
      setNotice({ color: 'red', text: messageOf(err) });
    } finally {
      setPreviewing(false);
    }
  };

  const exportCatalog = async () => {
    setNotice(null);
    setDone(null);
    try {
      const started = await call('catalog.export', options);
      if (started.status === 'started') setJobId(started.jobId);
    } catch (err) {
      setNotice({ color: 'red', text: messageOf(err) });
    }
  };

  const exportLabels = async () => {
    setNotice(null);
    try {
      const saved = await saveFile(() => call('catalog.labels', { exhibitionId, lang }), { inline: true });
      if (saved) setLabelsPath({ path: saved.path, rows: saved.rows });
    } catch (err) {
      setNotice({ color: 'red', text: messageOf(err) });
    }
  };

  // A finished job: where the catalog went, or why it did not.
  useEffect(() => {
    if (!job || job.state === 'running' || !jobId) return;
    setJobId(null);
    if (job.state === 'done') setDone(job.result as CatalogExportDone);
    else if (job.state === 'cancelled') setNotice({ color: 'yellow', text: t('internarte.catalog.ui.cancelled') });
    else setNotice({ color: 'red', text: job.error?.message ?? t('app.unexpected') });
  }, [job, jobId, t]);

  const running = !!jobId;
  const percent = job && job.total > 0 ? Math.round((100 * job.done) / job.total) : 0;
  const phaseText =
    job?.phase === 'print'
      ? t('internarte.catalog.ui.phases.print')
      : job?.phase === 'images'
        ? t('internarte.catalog.ui.phases.images', { done: job.done, total: job.total })
        : t('internarte.catalog.ui.making');

  return (
    <Stack>
      <Card withBorder>
        <Stack gap="sm">
          <Group gap="xs">
            <IconBook2 size={20} />
            <Title order={4}>{t('internarte.catalog.ui.title')}</Title>
          </Group>
          <Text size="sm" c="dimmed">
            {t('internarte.catalog.ui.hint')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('internarte.catalog.ui.pageSize')}
              value={pageSize}
              onChange={(v) => v && setPageSize(v as PageSize)}
              data={catalogPageSizes.map((s) => ({ value: s, label: t(`internarte.catalog.ui.pageSizes.${s}`) }))}
              allowDeselect={false}
              disabled={running}
            />
            <Select
              label={t('internarte.catalog.ui.layout')}
              value={layout}
              onChange={(v) => v && setLayout(v as Layout)}
              data={catalogLayouts.map((l) => ({ value: l, label: t(`internarte.catalog.ui.layouts.${l}`) }))}
              allowDeselect={false}
              disabled={running}
            />
            <LabelledSegments
              id="catalog-lang"
              label={t('internarte.catalog.ui.language')}
              value={lang}
              onChange={(v) => setLang(v as Lang)}
              data={outputLanguages.map((l) => ({ value: l, label: t(`internarte.catalog.ui.languages.${l}`) }))}
              disabled={running}
            />
          </SimpleGrid>
          <Switch
            label={t('internarte.catalog.ui.printShop')}
            description={t('internarte.catalog.ui.printShopHint')}
            checked={printShop}
            onChange={(e) => setPrintShop(e.currentTarget.checked)}
            disabled={running}
          />
          <CatalogPreflight options={options} />
          <Group gap="xs">
            <Button
              variant="default"
              leftSection={previewing ? <Loader size={14} /> : <IconEye size={16} />}
              onClick={() => void openPreview()}
              disabled={previewing || running}
            >
              {t('internarte.catalog.ui.preview')}
            </Button>
            {canExport && (
              <Button leftSection={<IconBook2 size={16} />} onClick={() => void exportCatalog()} disabled={running}>
                {t('internarte.catalog.ui.exportPdf')}
              </Button>
            )}
            {canLabels && (
              <Button variant="light" leftSection={<IconTags size={16} />} onClick={() => void exportLabels()} disabled={running}>
                {t('internarte.catalog.ui.labels')}
              </Button>
            )}
          </Group>
          {running && (
            <Stack gap={4} data-testid="catalog-progress">
              <Text size="sm">{phaseText}</Text>
              <Group gap="sm" wrap="nowrap">
                <Progress
                  value={job?.phase === 'print' ? 100 : percent}
                  animated
                  style={{ flex: 1 }}
                  aria-label={t('internarte.catalog.ui.making')}
                />
                <Button size="xs" variant="default" onClick={() => jobId && void call('jobs.cancel', { id: jobId })}>
                  {t('common.cancel')}
                </Button>
              </Group>
            </Stack>
          )}
          {notice && (
            <Alert color={notice.color} role="alert" withCloseButton onClose={() => setNotice(null)} icon={<IconAlertTriangle size={18} />}>
              {notice.text}
            </Alert>
          )}
          {done && (
            <Stack gap={4} data-testid="catalog-done">
              <Text size="sm">{t('internarte.catalog.ui.done', { pages: done.pages, works: done.works })}</Text>
              <SavedFileNote path={done.path} />
            </Stack>
          )}
          {labelsPath && (
            <Stack gap={4} data-testid="labels-done">
              <Text size="sm">{t('internarte.catalog.ui.labelsSaved', { count: labelsPath.rows })}</Text>
              <SavedFileNote path={labelsPath.path} />
            </Stack>
          )}
        </Stack>
      </Card>
      <CatalogPreviewModal preview={preview} onClose={() => setPreview(null)} />
    </Stack>
  );
}

/**
 * The catalog's first pages as main printed them, in a frame that runs nothing: srcdoc with
 * an empty sandbox (no scripts, no forms, its own opaque origin); the page's CSP still applies.
 */
function CatalogPreviewModal({ preview, onClose }: { preview: CatalogPreview | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={!!preview} onClose={onClose} title={t('internarte.catalog.ui.previewTitle')} size="min(1100px, 96vw)" centered>
      {preview && (
        <Stack gap="xs">
          <Text size="sm">{t('internarte.catalog.ui.previewNote', { shown: preview.worksShown, total: preview.worksTotal })}</Text>
          {preview.worksWithoutImage > 0 && (
            <Text size="sm" c="orange.8">
              {t('internarte.catalog.ui.withoutImage', { count: preview.worksWithoutImage })}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {t('internarte.catalog.ui.consentAsOf', { date: formatDateTime(preview.consentAsOf) })}
          </Text>
          <iframe
            title={t('internarte.catalog.ui.previewFrame')}
            data-testid="catalog-preview-frame"
            sandbox=""
            srcDoc={preview.html}
            style={{
              width: '100%',
              height: '62vh',
              border: '1px solid var(--mantine-color-gray-4)',
              borderRadius: 4,
              background: '#707070',
            }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('internarte.catalog.ui.close')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

/** A segmented choice with its label above, named by that label for screen readers and tests. */
function LabelledSegments({
  id,
  label,
  ...control
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  data: { value: string; label: string }[];
  disabled: boolean;
}) {
  return (
    <div>
      <Text size="sm" fw={500} mb={4} id={id}>
        {label}
      </Text>
      <SegmentedControl aria-labelledby={id} {...control} />
    </div>
  );
}
