import { describe, expect, it } from 'vitest';
import { compareSpanish, formatDate, formatDateTime, formatMoney, normalizeText } from '../../../shared/format';
import { EstablishmentInput, EstablishmentListQuery } from '../../../shared/establishments/schemas';
import { issuesByField } from '../../../shared/validation';
import { esPE } from '../../../shared/i18n/es-PE';
import { en } from '../../../shared/i18n/en';

describe('formats a Peruvian clerk expects', () => {
  it('dates as dd/mm/aaaa; timestamps in Lima time', () => {
    expect(formatDate('2026-03-05')).toBe('05/03/2026');
    // 02:30 UTC on 1 January is still 31 December in Lima (UTC−5).
    expect(formatDate('2026-01-01T02:30:00.000Z')).toBe('31/12/2025');
    expect(formatDateTime('2026-07-28T15:04:00.000Z')).toBe('28/07/2026 10:04');
    expect(formatDate('')).toBe('');
    expect(formatDate('no es fecha')).toBe('');
  });

  it('money from integer céntimos as S/', () => {
    expect(formatMoney(14705800)).toMatch(/^S\/\s?147,058\.00$/);
    expect(formatMoney(5)).toMatch(/^S\/\s?0\.05$/);
  });

  it('search keys ignore case, accents and extra spaces', () => {
    expect(normalizeText('  E.P.  de  HUÁNUCO ')).toBe('e.p. de huanuco');
    expect(normalizeText('Ñaña')).toBe('nana');
  });

  it('names sort as in a Spanish list: ñ after n, an accent beside its letter, case aside', () => {
    const names = ['Oropesa', 'ñuñoa', 'Nuñez', 'Ángeles', 'Zárate', 'Anco', 'Ñaña', 'Nazca', 'alva', 'Álvarez'];
    expect([...names].sort(compareSpanish)).toEqual([
      'alva',
      'Álvarez',
      'Anco',
      'Ángeles',
      'Nazca',
      'Nuñez',
      'Ñaña',
      'ñuñoa',
      'Oropesa',
      'Zárate',
    ]);
  });
});

describe('the establishment schema (the same in the form and in main)', () => {
  it('accepts a complete establishment and keeps the code in capitals', () => {
    const r = EstablishmentInput.parse({
      code: ' ep-lim-01 ',
      name: ' E.P. de Lurigancho ',
      regionalOfficeId: 1,
      population: 'varones',
      city: 'Lima',
      inProgramme: true,
    });
    expect(r).toMatchObject({ code: 'EP-LIM-01', name: 'E.P. de Lurigancho' });
  });

  it('names each wrong field with a catalog message', () => {
    const r = EstablishmentInput.safeParse({ code: 'EP LIM', name: 'ab', population: 'otros', city: '', inProgramme: 'x' });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(issuesByField(r.error)).toEqual({
      code: { key: 'errors.establishmentCode' },
      name: { key: 'errors.tooShort', params: { min: 3 } },
      regionalOfficeId: { key: 'errors.required' },
      population: { key: 'errors.choose' },
      city: { key: 'errors.required' },
      inProgramme: { key: 'errors.invalid' },
    });
  });

  it('list queries get safe defaults and refuse unknown sort columns', () => {
    expect(EstablishmentListQuery.parse({})).toMatchObject({ page: 1, pageSize: 25, sort: 'name', direction: 'asc', status: 'all' });
    expect(EstablishmentListQuery.safeParse({ sort: 'name; DROP TABLE establishments' }).success).toBe(false);
  });
});

describe('the i18n catalogs', () => {
  const keys = (o: object, prefix = ''): string[] =>
    Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keys(v as object, `${prefix}${k}.`)));

  it('English has every Spanish key and no empty text', () => {
    expect(keys(en).sort()).toEqual(keys(esPE).sort());
    const values = (o: object): string[] => Object.values(o).flatMap((v) => (typeof v === 'string' ? [v] : values(v as object)));
    for (const v of [...values(esPE), ...values(en)]) expect(v.trim()).not.toBe('');
  });

  it('every message key a schema can produce exists in both languages', () => {
    const errorKeys = keys(esPE.errors);
    for (const k of [
      'required',
      'invalid',
      'choose',
      'tooShort',
      'tooLong',
      'tooSmall',
      'tooBig',
      'unexpectedField',
      'establishmentCode',
    ]) {
      expect(errorKeys).toContain(k);
    }
  });
});
