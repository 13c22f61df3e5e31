import { ActionIcon, Button, Checkbox, Group, Menu, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBookmark, IconDeviceFloppy, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ViewList, ViewState } from '../../../shared/lists/schemas';
import { useApiMutation, useApiQuery } from '../api';
import { FormModal } from './FormModal';
import { MenuOnReach } from './MenuOnReach';
import { MountOnOpen } from './MountOnOpen';
import { useRecordForm } from './useRecordForm';

/** A list's side of its saved views: which list, what it shows now, and how to show a saved state again. */
export interface ListView {
  list: ViewList;
  current: () => ViewState;
  restore: (state: ViewState) => void;
}

/**
 * "Vistas" in a list's filter bar: the user's saved views of this list (one click applies
 * one: its search, filters and order), "Guardar filtros como vista…", and deleting a view.
 * Views are each user's own, kept in main (lists.views).
 */
export function SavedViews({ view }: { view: ListView }) {
  const { t } = useTranslation();
  const views = useApiQuery('lists.views', { list: view.list });
  const remove = useApiMutation('lists.removeView');
  const [saving, setSaving] = useState<ViewState | null>(null);
  const list = views.data ?? [];
  // The view the list shows right now, if any: its name stays on the button until a filter changes.
  const now = JSON.stringify(view.current());
  const applied = list.find((v) => JSON.stringify(v.state) === now)?.name ?? null;
  return (
    <>
      <MenuOnReach
        position="bottom-end"
        withinPortal
        closeOnItemClick
        dropdownProps={{ miw: 260 }}
        target={
          <Button
            variant={applied ? 'light' : 'subtle'}
            leftSection={<IconBookmark size={16} />}
            aria-label={applied ? t('lists.views.applied', { name: applied }) : t('lists.views.button')}
          >
            {applied ?? t('lists.views.button')}
          </Button>
        }
      >
        <Menu.Label>{t('lists.views.button')}</Menu.Label>
        {list.length === 0 && (
          <Text size="xs" c="dimmed" px="sm" pb="xs" maw={260}>
            {t('lists.views.none')}
          </Text>
        )}
        {list.map((v) => (
          <Group key={v.id} gap={0} wrap="nowrap">
            <Menu.Item aria-label={t('lists.views.apply', { name: v.name })} onClick={() => view.restore(v.state)}>
              {v.name}
            </Menu.Item>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('lists.views.remove', { name: v.name })}
              onClick={() =>
                remove.mutate(
                  { list: view.list, id: v.id },
                  {
                    onSuccess: () => notifications.show({ color: 'teal', message: t('lists.views.removed', { name: v.name }) }),
                    onError: (err) => notifications.show({ color: 'red', message: err.message }),
                  },
                )
              }
            >
              <IconTrash size={14} />
            </ActionIcon>
          </Group>
        ))}
        <Menu.Divider />
        <Menu.Item leftSection={<IconDeviceFloppy size={16} />} onClick={() => setSaving(view.current())}>
          {t('lists.views.save')}
        </Menu.Item>
      </MenuOnReach>
      <MountOnOpen opened={saving !== null}>
        <SaveViewModal list={view.list} state={saving} onClose={() => setSaving(null)} />
      </MountOnOpen>
    </>
  );
}

function SaveViewModal({ list, state, onClose }: { list: ViewList; state: ViewState | null; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useApiMutation('lists.saveView');
  const { form, modal, saved } = useRecordForm({
    opened: state !== null,
    recordKey: list,
    values: () => ({ name: '', replace: false }),
    sentenceWithFields: false,
  });
  const write = (v: { name: string; replace: boolean }) => {
    if (state)
      save.mutate({ list, name: v.name, state, replace: v.replace }, saved(t('lists.views.saved', { name: v.name.trim() }), onClose));
  };
  return (
    <FormModal {...modal(write)} onClose={onClose} title={t('lists.views.saveTitle')} saving={save.isPending} gap="sm">
      <TextInput
        data-autofocus
        required
        label={t('lists.views.name')}
        description={t('lists.views.nameHint')}
        {...form.getInputProps('name')}
      />
      <Checkbox label={t('lists.views.replace')} {...form.getInputProps('replace', { type: 'checkbox' })} />
    </FormModal>
  );
}
