import type { Widen } from '../types';

/** What every list shares: its saved views. Spanish (Peru) first, English beside it. */
export const listsEs = {
  peopleIn: 'la lista «{{list}}», con los nombres de las personas que tienen o tenían los instrumentos',
  views: {
    button: 'Vistas',
    none: 'Aún no guardó vistas de esta lista.',
    apply: 'Aplicar la vista {{name}}',
    save: 'Guardar filtros como vista…',
    saveTitle: 'Guardar vista',
    name: 'Nombre de la vista',
    nameHint: 'Guarda la búsqueda, los filtros y el orden de ahora; solo usted la ve.',
    replace: 'Reemplazar la vista que ya tiene ese nombre',
    saved: 'Se guardó la vista «{{name}}».',
    applied: 'Vista «{{name}}»',
    remove: 'Eliminar la vista {{name}}',
    removed: 'Se eliminó la vista «{{name}}».',
  },
  errors: {
    nameTaken: 'Ya tiene una vista llamada «{{name}}». Elija otro nombre o márquela para reemplazarla.',
    nameTooLong: 'El nombre puede tener hasta 80 caracteres.',
  },
};

export const listsEn: Widen<typeof listsEs> = {
  peopleIn: 'the list “{{list}}”, with the names of the people who hold or held the instruments',
  views: {
    button: 'Views',
    none: 'You have not saved any view of this list yet.',
    apply: 'Apply the view {{name}}',
    save: 'Save filters as a view…',
    saveTitle: 'Save view',
    name: 'View name',
    nameHint: 'Keeps the current search, filters and order; only you see it.',
    replace: 'Replace the view that already has this name',
    saved: 'View “{{name}}” saved.',
    applied: 'View “{{name}}”',
    remove: 'Delete the view {{name}}',
    removed: 'View “{{name}}” deleted.',
  },
  errors: {
    nameTaken: 'You already have a view called “{{name}}”. Choose another name or tick it to replace it.',
    nameTooLong: 'The name can be up to 80 characters long.',
  },
};
