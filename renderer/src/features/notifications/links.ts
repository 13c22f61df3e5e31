import type { NotificationTarget } from '../../../../shared/notifications/schemas';
import { recordPath } from '../../app/recordPath';
import { routes } from '../../app/routes';

/** The address of the record a reminder opens: its list with the record's drawer open (?ficha=), or the page itself. */
export function targetPath(target: NotificationTarget): string {
  switch (target.page) {
    case 'consumables':
      return `${routes.consumables}?bajo=1`;
    case 'backups':
      return routes.backups;
    default:
      return recordPath({ kind: target.page, id: target.id ?? 0 });
  }
}
