/**
 * The audit log told in the user's language, the same in the viewer and in its export:
 * what each operation (the IPC channel) did, the record type and the action. An unknown
 * name (an entry older than its description) is shown as it was recorded.
 */

type Translate = (key: string, options: Record<string, unknown>) => string;

/** «Registro de establecimiento» for 'establishments.create'. */
export const auditChannelLabel = (t: Translate, channel: string): string =>
  /^[A-Za-z]+\.[A-Za-z]+$/.test(channel) ? t(`audit.channels.${channel}`, { defaultValue: channel }) : channel;

/** «Establecimiento» for 'establishment'. */
export const auditEntityLabel = (t: Translate, entity: string): string =>
  /^[A-Za-z]+$/.test(entity) ? t(`audit.entities.${entity}`, { defaultValue: entity }) : entity;

/** Where the detail of a compound action ('movement:alta', 'custody:traslado', 'photo:add', 'paper:attach') is named. */
const detailKeys: Record<string, string> = {
  movement: 'inventory.kinds',
  custody: 'programmes.custodyKinds',
  photo: 'audit.photoActions',
  paper: 'audit.paperActions',
};

/** «Modificación» for 'update'; «Movimiento: Alta» for 'movement:alta'. */
export function auditActionLabel(t: Translate, action: string): string {
  const m = /^([A-Za-z]+):([A-Za-z_]+)$/.exec(action);
  if (!m) return /^[A-Za-z]+$/.test(action) ? t(`audit.actions.${action}`, { defaultValue: action }) : action;
  const [, group, detail] = m as unknown as [string, string, string];
  const where = detailKeys[group];
  const shown = where ? t(`${where}.${detail}`, { defaultValue: detail }) : detail;
  return t(`audit.actionGroups.${group}`, { defaultValue: action, detail: shown });
}
