import { Modal, Stack } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaperPrefix } from '../../../shared/paper-channels';
import { call, useApiQuery } from '../api';
import { DocumentsPanel } from './DocumentsPanel';
import { useBuiltOnOpen } from './MountOnOpen';
import { askPersonalDataReason } from './PersonalDataReason';
import { RowAction } from './RecordParts';
import { useCan } from './session';

/**
 * A record's signed papers (shared/papers.ts): the scanned dispatch, receipt, invoice, acta,
 * recibo, agreement or consent filed with it, through its domain's `<prefix>.papers` channels.
 * The record decides what the paper is; a copy of a participant's consent asks why (logged).
 */
export function PapersPanel({ prefix, id, title }: { prefix: PaperPrefix; id: number; title?: string }) {
  const { t } = useTranslation();
  // The four channels of every prefix take and answer the same shapes (shared/papers.ts).
  const list = `${prefix}.papers` as 'conformities.papers';
  const attach = `${prefix}.attachPaper` as 'conformities.attachPaper';
  const remove = `${prefix}.removePaper` as 'conformities.removePaper';
  const copy = `${prefix}.paperCopy` as 'conformities.paperCopy';
  const papers = useApiQuery(list, { id });
  const canWrite = useCan(attach);
  const canCopy = useCan(copy);
  const kindLabel = (kind: string) => t(`common.papers.kinds.${kind}`);

  return (
    <div data-testid={`papers-${prefix}`}>
      <DocumentsPanel
        title={title ?? t('common.papers.title')}
        documents={papers.data ?? []}
        kindLabel={kindLabel}
        readOnly={!canWrite}
        canCopy={canCopy}
        onAdd={async (f) => {
          await call(attach, { id, fileName: f.fileName, dataBase64: f.dataBase64 });
          await papers.refetch();
        }}
        onRemove={async (hash) => {
          await call(remove, { id, hash });
          await papers.refetch();
        }}
        onCopy={async (hash) => {
          if (prefix !== 'participants') return call(copy, { id, hash });
          const paper = papers.data?.find((p) => p.hash === hash);
          const reason = await askPersonalDataReason(t, kindLabel(paper?.kind ?? 'consentimiento'));
          return reason ? call('participants.paperCopy', { id, hash, reason }) : null;
        }}
      />
    </div>
  );
}

/**
 * A row's paperclip that opens the record's signed papers in a dialog (a conformity, a loan, a
 * movement of an instrument's history); `extra`: what else the dialog offers (a printed acta).
 */
export function PapersButton({ prefix, id, name, extra }: { prefix: PaperPrefix; id: number; name: string; extra?: ReactNode }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  // The dialog is built when it first opens: a list has a paperclip in every row.
  const dialog = useBuiltOnOpen(opened);
  return (
    <>
      <RowAction label={t('common.papers.title')} name={name} onClick={() => setOpened(true)}>
        <IconPaperclip size={16} />
      </RowAction>
      {dialog.built && (
        <Modal
          opened={dialog.opened}
          onClose={() => setOpened(false)}
          title={`${t('common.papers.title')}: ${name}`}
          size="lg"
          closeButtonProps={{ 'aria-label': t('common.close') }}
        >
          {opened && (
            <Stack gap="md">
              {extra}
              <PapersPanel prefix={prefix} id={id} />
            </Stack>
          )}
        </Modal>
      )}
    </>
  );
}
