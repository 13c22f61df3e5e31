import type { Knex } from 'knex';
import { fitsMask, maskExample } from '../../../shared/inventory/code-format';
import type { InventorySettings } from '../../../shared/inventory/schemas';
import { getSetting, setSetting } from '../app/repository';
import { AppError } from '../ipc/errors';
import type { DomainHandlers } from '../ipc/context';

const KEY = 'inventory.codeMask';

export async function codeMask(db: Knex): Promise<string> {
  return (await getSetting(db, KEY)) ?? '';
}

/** Refuses a code that does not follow the configured mask (free text when there is none). */
export function checkCodeFormat(code: string, mask: string, field = 'code'): void {
  if (fitsMask(code, mask)) return;
  const params = { code, mask, example: maskExample(mask) };
  throw new AppError('validation', 'inventory.settings.codeFormat', params, { [field]: { key: 'inventory.settings.codeFormat', params } });
}

/** The inventory's settings: the mask of patrimonial codes (kept in the settings table: app/repository.ts). */
export const settingsHandlers: DomainHandlers<'inventory.settings' | 'inventory.setSettings'> = {
  'inventory.settings': async (_input, ctx): Promise<InventorySettings> => ({ codeMask: await codeMask(ctx.db) }),
  'inventory.setSettings': async ({ codeMask: mask }, ctx) => {
    const before = await codeMask(ctx.db);
    const normalized = mask.toUpperCase();
    await setSetting(ctx.db, KEY, normalized);
    await ctx.audit({ entity: 'setting', entityId: KEY, action: 'update', before, after: normalized });
    return { codeMask: normalized };
  },
};
