import { describe, expect, it } from 'vitest';
import { parseDateInput, parseMoneyToCentimos } from '../../../shared/format';

describe('parseDateInput', () => {
  it.each([
    ['05/03/2026', '2026-03-05'],
    ['5/3/2026', '2026-03-05'],
    ['31/12/2025', '2025-12-31'],
    ['1/1/2026', '2026-01-01'],
    ['29/02/2024', '2024-02-29'],
    ['29/02/2000', '2000-02-29'],
    ['  07/08/2026  ', '2026-08-07'],
    ['07-08-2026', '2026-08-07'],
    ['07.08.2026', '2026-08-07'],
    ['2026-03-05', '2026-03-05'],
    ['2026-3-5', '2026-03-05'],
    ['2024-02-29', '2024-02-29'],
  ])('%s → %s', (input, iso) => expect(parseDateInput(input)).toBe(iso));

  it.each([
    '31/02/2026',
    '29/02/2026',
    '29/02/1900',
    '31/04/2026',
    '00/01/2026',
    '32/01/2026',
    '12/13/2026',
    '12/00/2026',
    '05/03/26',
    '2026-02-30',
    '2026-13-01',
    '2026/03/05',
    '05/03-2026',
    '5 de marzo de 2026',
    '05/03/2026 10:00',
    '',
    '   ',
    'mañana',
    '46087',
    '01/01/1899',
    '01/01/2101',
  ])('%j is not a date', (input) => expect(parseDateInput(input)).toBeNull());

  it('reads the UTC day of a Date as exceljs gives a date cell', () => {
    expect(parseDateInput(new Date(Date.UTC(2026, 2, 5)))).toBe('2026-03-05');
    // An Excel day stored as 46086.99999999: still the next day at midnight.
    expect(parseDateInput(new Date(Date.UTC(2026, 2, 5) - 1))).toBe('2026-03-05');
    // A date with a time of day keeps its day.
    expect(parseDateInput(new Date(Date.UTC(2026, 2, 5, 15, 30)))).toBe('2026-03-05');
    expect(parseDateInput(new Date(Number.NaN))).toBeNull();
  });

  it('refuses what is not a string or a date', () => {
    expect(parseDateInput(null)).toBeNull();
    expect(parseDateInput(undefined)).toBeNull();
    expect(parseDateInput(46087 as unknown as string)).toBeNull();
  });
});

describe('parseMoneyToCentimos', () => {
  it.each([
    ['1234.5', 123450],
    ['1234.50', 123450],
    ['1234', 123400],
    ['0', 0],
    ['0.05', 5],
    ['0.5', 50],
    ['1,234.50', 123450],
    ['12,345,678.90', 1234567890],
    ['S/ 1 234.50', 123450],
    ['S/. 1,234.50', 123450],
    ['S/.1,234.50', 123450],
    ['S/1234.5', 123450],
    ['s/ 85', 8500],
    ['S/\u00a01\u00a0234.50', 123450],
    ['S/ 1\u202f234.50', 123450],
    ['  2500.00  ', 250000],
    ['999', 99900],
    ['1,000.00', 100000],
    // Issue 13: the decimal comma of a Peruvian clerk or a Spanish spreadsheet is read too.
    ['1,5', 150],
    ['1.234,50', 123450],
    ['12,34', 1234],
    ['1 234,50', 123450],
  ])('%j → %d céntimos', (input, centimos) => expect(parseMoneyToCentimos(input)).toBe(centimos));

  it.each([
    ['-5', 'negative'],
    ['-0.50', 'negative'],
    ['S/ -1,234.50', 'negative'],
    ['(1,234.50)', 'accounting negative'],
    ['1.005', 'three decimals (no rounding)'],
    ['1234.567', 'three decimals'],
    ['1,000', 'thousands or three decimals? asked, not guessed'],
    ['1.234', 'thousands or three decimals? asked, not guessed'],
    ['1,23,456.00', 'bad grouping'],
    ['1,234 567.00', 'mixed separators'],
    ['', 'empty'],
    ['S/', 'only the symbol'],
    ['abc', 'garbage'],
    ['12a', 'garbage'],
    ['1e5', 'exponent'],
    ['.5', 'no integer part'],
    ['5.', 'dangling point'],
    ['US$ 100', 'another currency'],
    ['100000000000000000', 'too large to be exact'],
  ])('%j is refused (%s)', (input) => expect(parseMoneyToCentimos(input)).toBeNull());

  it('reads numbers as a spreadsheet cell holds them, always answering an integer', () => {
    expect(parseMoneyToCentimos(1234.5)).toBe(123450);
    expect(parseMoneyToCentimos(12.34)).toBe(1234);
    expect(parseMoneyToCentimos(0.1 + 0.2)).toBe(30);
    expect(parseMoneyToCentimos(1.1 * 3)).toBe(330);
    expect(parseMoneyToCentimos(19.99)).toBe(1999);
    expect(parseMoneyToCentimos(0)).toBe(0);
    expect(parseMoneyToCentimos(1.005)).toBeNull();
    expect(parseMoneyToCentimos(-1)).toBeNull();
    expect(parseMoneyToCentimos(Number.NaN)).toBeNull();
    expect(parseMoneyToCentimos(Number.POSITIVE_INFINITY)).toBeNull();
    expect(parseMoneyToCentimos(1e21)).toBeNull();
    expect(parseMoneyToCentimos(null)).toBeNull();
    for (let c = 0; c < 100000; c += 7) expect(parseMoneyToCentimos(c / 100)).toBe(c);
  });

  it('never answers a float', () => {
    for (const s of ['0.01', '0.07', '1.1', '1234.99', '99999999.99', 'S/ 0.29']) {
      expect(Number.isInteger(parseMoneyToCentimos(s))).toBe(true);
    }
  });
});
