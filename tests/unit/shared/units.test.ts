import { describe, expect, it } from 'vitest';
import { quantityWithUnit, unitFor } from '../../../shared/units';

/** Issue 13 item 12: quantities with their unit agreed, "2 juegos / 5 juegos", never "2 juego". */
describe('a unit agreed with its quantity', () => {
  it('pluralises the Spanish units the clerks type', () => {
    expect(unitFor(2, 'juego')).toBe('juegos');
    expect(unitFor(5, 'unidad')).toBe('unidades');
    expect(unitFor(3, 'par')).toBe('pares');
    expect(unitFor(4, 'frasco')).toBe('frascos');
    expect(unitFor(0, 'caja')).toBe('cajas');
    expect(unitFor(2, 'cordón')).toBe('cordones');
    expect(unitFor(2, 'lápiz')).toBe('lápices');
    expect(unitFor(2, 'juego de cuerdas')).toBe('juegos de cuerdas');
    expect(unitFor(2, 'Juego')).toBe('Juegos');
  });

  it('keeps the singular for one, and what is not a plain word as typed', () => {
    expect(unitFor(1, 'juego')).toBe('juego');
    expect(unitFor(-1, 'unidad')).toBe('unidad');
    for (const u of ['kg', 'ml', 'u.', 'UND', 'unidades', 'rollo 50m', ''])
      expect(unitFor(7, u)).toBe(u === 'rollo 50m' ? 'rollos 50m' : u);
  });

  it('writes the quantity before it, formatted by the caller', () => {
    expect(quantityWithUnit(2, 'juego')).toBe('2 juegos');
    expect(quantityWithUnit(1200, 'unidad', '1,200')).toBe('1,200 unidades');
    expect(quantityWithUnit(3, '')).toBe('3');
  });
});
