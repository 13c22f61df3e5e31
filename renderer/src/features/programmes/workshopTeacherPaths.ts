import { routes } from '../../app/routes';

/** The page of the workshops' teacher names carried over as text ("sin vincular"). */
export const unlinkedTeachersPath = `${routes.workshops}/docentes-sin-vincular`;
