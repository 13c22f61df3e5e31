import type { NotificationTarget } from '../../../../shared/notifications/schemas';
import { routes } from '../../app/routes';

/** The address of the record a reminder opens: its list with the record's drawer open (?ficha=), or the page itself. */
export function targetPath(target: NotificationTarget): string {
  const id = target.id === null ? '' : String(target.id);
  switch (target.page) {
    case 'contract':
      return `${routes.contracts}?ficha=${id}`;
    case 'teacher':
      return `${routes.teachers}?ficha=${id}`;
    case 'partner':
      return `${routes.partners}?ficha=${id}`;
    case 'instrument':
      return `${routes.instruments}?ficha=${id}`;
    case 'consumables':
      return `${routes.consumables}?bajo=1`;
    case 'backups':
      return routes.backups;
  }
}
