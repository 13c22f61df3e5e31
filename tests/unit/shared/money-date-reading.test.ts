import { describe, expect, it } from 'vitest';
import { centimosToText, isIsoDay, readDate, readMoney } from '../../../shared/format';

describe('readMoney: what the clerk types is read exactly or refused with its reason', () => {
  it.each([
    // The forms of issue 13: Peruvian, spreadsheet and European.
    ['1,234.56', 123456],
    ['1234.56', 123456],
    ['1.234,56', 123456],
    ['S/ 1 234,56', 123456],
    ['S/ 1.234,56', 123456],
    ['1234,56', 123456],
    ['S/ 1,234.56', 123456],
    ['S/. 1,234.56', 123456],
    ['s/1234.5', 123450],
    ['1.234.567,89', 123456789],
    ['1,234,567.89', 123456789],
    ['1 234 567,89', 123456789],
    ['1,234,567', 123456700],
    ['1.234.567', 123456700],
    ['1 234', 123400],
    ['1234', 123400],
    ['0', 0],
    ['0,5', 50],
    ['0.05', 5],
    ['12,3', 1230],
    ['  850  ', 85000],
    ['S/\u00a01\u00a0234,56', 123456],
  ])('%j → %d céntimos', (input, centimos) => expect(readMoney(input)).toEqual({ ok: true, centimos }));

  it.each([
    // Cut or rounded before: now refused with the reason, so the clerk is asked.
    ['12.345', 'doubtful'],
    ['1.234', 'doubtful'],
    ['1,234', 'doubtful'],
    ['999,999', 'doubtful'],
    ['S/ 1.234', 'doubtful'],
    ['1234.567', 'decimals'],
    ['1,234.567', 'decimals'],
    ['1.234,567', 'decimals'],
    ['1.005', 'doubtful'],
    ['0.005', 'decimals'],
    ['1.2345', 'decimals'],
    ['-500', 'negative'],
    ['- 500', 'negative'],
    ['S/ -500', 'negative'],
    ['-S/ 500', 'negative'],
    ['\u2212500', 'negative'],
    ['-0', 'negative'],
    ['1,234.567,00', 'mixed'],
    ['1.234 567,00', 'mixed'],
    ['1,234 567.00', 'mixed'],
    ['1,234.56.78', 'mixed'],
    ['', 'empty'],
    ['   ', 'empty'],
    ['S/', 'empty'],
    ['abc', 'invalid'],
    ['12a', 'invalid'],
    ['1e5', 'invalid'],
    ['.5', 'invalid'],
    ['5.', 'invalid'],
    ['5,', 'invalid'],
    ['(1,234.50)', 'invalid'],
    ['US$ 100', 'invalid'],
    ['1,23,456.00', 'invalid'],
    ['12,34,5', 'invalid'],
    ['1  234', 'invalid'],
    ['100000000000000000', 'tooLarge'],
  ])('%j is refused: %s', (input, problem) => expect(readMoney(input)).toEqual({ ok: false, problem }));

  it('reads a negative only where the field allows one', () => {
    expect(readMoney('-500', { allowNegative: true })).toEqual({ ok: true, centimos: -50000 });
    expect(readMoney('S/ -1.234,56', { allowNegative: true })).toEqual({ ok: true, centimos: -123456 });
    expect(readMoney(-12.5, { allowNegative: true })).toEqual({ ok: true, centimos: -1250 });
    expect(readMoney(-12.5)).toEqual({ ok: false, problem: 'negative' });
  });

  it('reads spreadsheet numbers at 15 significant digits and refuses a third decimal', () => {
    expect(readMoney(1234.56)).toEqual({ ok: true, centimos: 123456 });
    expect(readMoney(0.1 + 0.2)).toEqual({ ok: true, centimos: 30 });
    expect(readMoney(12.345)).toEqual({ ok: false, problem: 'decimals' });
    expect(readMoney(Number.NaN)).toEqual({ ok: false, problem: 'invalid' });
    expect(readMoney(1e21)).toEqual({ ok: false, problem: 'tooLarge' });
    expect(readMoney(null)).toEqual({ ok: false, problem: 'empty' });
  });

  it('answers integers only, for every amount up to S/ 10,000 typed either way', () => {
    for (let c = 0; c <= 1_000_000; c += 997) {
      const text = centimosToText(c);
      expect(readMoney(text)).toEqual({ ok: true, centimos: c });
      expect(readMoney(text.replace(/,/g, ' ').replace('.', ','))).toEqual({ ok: true, centimos: c });
    }
  });

  it('shows céntimos to edit in a form it reads back', () => {
    expect(centimosToText(123456)).toBe('1,234.56');
    expect(centimosToText(85000)).toBe('850.00');
    expect(centimosToText(5)).toBe('0.05');
    expect(centimosToText(123456789)).toBe('1,234,567.89');
    expect(centimosToText(-50000)).toBe('-500.00');
  });
});

describe('readDate: a typed day is read or refused, never substituted', () => {
  it.each([
    ['15/03/2025', '2025-03-15'],
    ['5/3/2026', '2026-03-05'],
    ['29/02/2024', '2024-02-29'],
    ['07-08-2026', '2026-08-07'],
    ['07.08.2026', '2026-08-07'],
    ['2026-03-05', '2026-03-05'],
    [' 01/01/1900 ', '1900-01-01'],
    ['31/12/2100', '2100-12-31'],
  ])('%s → %s', (input, iso) => expect(readDate(input)).toEqual({ ok: true, iso }));

  it.each([
    ['31/02/2025', 'impossible'],
    ['29/02/2025', 'impossible'],
    ['31/04/2026', 'impossible'],
    ['00/01/2026', 'impossible'],
    ['12/13/2026', 'impossible'],
    ['2026-02-30', 'impossible'],
    ['12/03', 'partial'],
    ['12/03/', 'partial'],
    ['12/03/26', 'partial'],
    ['12/03/202', 'partial'],
    ['1/1', 'partial'],
    ['01/01/1899', 'outOfRange'],
    ['01/01/2101', 'outOfRange'],
    ['', 'empty'],
    ['  ', 'empty'],
    ['mañana', 'invalid'],
    ['05/03-2026', 'invalid'],
    ['2026/03/05', 'invalid'],
    ['05/03/2026 10:00', 'invalid'],
    ['46087', 'invalid'],
  ])('%j is refused: %s', (input, problem) => expect(readDate(input)).toEqual({ ok: false, problem }));

  it('knows an ISO day that exists', () => {
    expect(isIsoDay('2025-03-15')).toBe(true);
    expect(isIsoDay('2025-02-31')).toBe(false);
    expect(isIsoDay('31/02/2025')).toBe(false);
    expect(isIsoDay(null)).toBe(false);
  });
});
