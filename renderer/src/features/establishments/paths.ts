/**
 * The INPE staff register's address. It belongs with the others in app/routes.ts; it lives
 * here until that list names it (issue 15).
 */
export const staffRoute = '/personal';

/** The programme's reach (participants ÷ population, issue 15). */
export const reachRoute = '/establecimientos/alcance';
