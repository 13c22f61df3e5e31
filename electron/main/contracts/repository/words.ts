import { normalizeText } from '../../../../shared/format';

/**
 * The words rows are found and sorted by (search keys: lower case, no accents), written once
 * for the repositories and the demonstration data.
 */

/** "Quispe Mamani, Rosa Elena": how a teacher is named in lists, messages and documents. */
export const fullName = (lastNames: string, firstNames: string) => `${lastNames}, ${firstNames}`;

/** What the teachers' search box looks in: names, DNI, RUC and specialties, without accents. */
export const teacherSearchText = (v: { lastNames: string; firstNames: string; dni: string; ruc: string | null; specialties: string[] }) =>
  normalizeText([v.lastNames, v.firstNames, v.dni, v.ruc, ...v.specialties].filter(Boolean).join(' '));

/** A teacher's sort key: surnames first. */
export const teacherNameKey = (lastNames: string, firstNames: string) => normalizeText(`${lastNames} ${firstNames}`);

/** A teacher's name and DNI in the words a contract is found by. */
export const teacherWords = (t: { lastNames: string; firstNames: string; dni: string }) =>
  normalizeText(`${t.lastNames} ${t.firstNames} ${t.dni}`);

/** What a contract is found by: its number, its object and its teacher's name and DNI. */
export const contractSearchText = (number: string, object: string, teacher: string) =>
  normalizeText(`${number} ${teacher} ${object.slice(0, 200)}`).slice(0, 400);

/** "OS N° 0123-2026" and "os n.° 0123-2026" are the same number. */
export const numberKey = (n: string) =>
  normalizeText(n)
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 40);
