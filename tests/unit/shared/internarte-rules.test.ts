import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowedCustody,
  applyCustody,
  consentedArtist,
  custodyStatuses,
  finalStatuses,
  initialsOf,
  mayLend,
  NO_CONSENT,
  type CustodyEffect,
  type CustodyStatus,
} from '../../../shared/internarte/rules';

const effect: fc.Arbitrary<CustodyEffect> = fc.oneof(
  fc.record({ to: fc.constantFrom(...custodyStatuses) }),
  fc.record({ to: fc.constantFrom(...custodyStatuses), loan: fc.constantFrom('lend' as const, 'return' as const) }),
);

/** Replays a sequence, keeping only the entries the machine allows (as main does: refused ones are not written). */
function replay(effects: CustodyEffect[]) {
  let s: CustodyStatus | null = null;
  let openLoans = 0;
  const trail: CustodyStatus[] = [];
  for (const e of effects) {
    const r = applyCustody(s, e);
    if (!r.ok) continue;
    if (e.loan === 'lend') openLoans += 1;
    if (e.loan === 'return') openLoans -= 1;
    s = r.status;
    trail.push(s);
  }
  return { s, openLoans, trail };
}

describe('the custody state machine', () => {
  it('starts only with "en taller"', () => {
    for (const to of custodyStatuses) expect(applyCustody(null, { to }).ok).toBe(to === 'en_taller');
    expect(applyCustody(null, { to: 'prestada', loan: 'lend' })).toEqual({ ok: false, refusal: 'firstMustBeTaller' });
  });

  it('a work is "prestada" exactly while one loan is open, whatever the sequence', () => {
    fc.assert(
      fc.property(fc.array(effect, { maxLength: 60 }), (effects) => {
        const { s, openLoans } = replay([{ to: 'en_taller' }, ...effects]);
        expect(openLoans === 1).toBe(s === 'prestada');
        expect(openLoans === 0 || openLoans === 1).toBe(true);
      }),
    );
  });

  it('sold or returned to the artist is the end: nothing is allowed after it', () => {
    fc.assert(
      fc.property(fc.array(effect, { maxLength: 60 }), (effects) => {
        const { trail } = replay([{ to: 'en_taller' }, ...effects]);
        const end = trail.findIndex((s) => finalStatuses.includes(s));
        if (end >= 0) expect(trail.length).toBe(end + 1);
      }),
    );
    for (const s of finalStatuses) {
      expect(allowedCustody(s)).toEqual([]);
      expect(mayLend(s)).toBe(false);
    }
  });

  it('never records the status it is already in, and a loan is returned only to the workshop', () => {
    fc.assert(
      fc.property(fc.array(effect, { maxLength: 60 }), (effects) => {
        const { trail } = replay([{ to: 'en_taller' }, ...effects]);
        for (let i = 1; i < trail.length; i++) {
          if (trail[i - 1] === 'prestada') expect(trail[i]).toBe('en_taller');
          else expect(trail[i]).not.toBe(trail[i - 1]);
        }
      }),
    );
  });

  it('offers by hand only what applies: never "prestada", nothing while on loan', () => {
    expect(allowedCustody('en_taller')).toEqual(['en_transito', 'en_sala', 'vendida', 'devuelta_al_autor']);
    expect(allowedCustody('prestada')).toEqual([]);
    expect(applyCustody('en_sala', { to: 'prestada' })).toEqual({ ok: false, refusal: 'lendOnlyByLoan' });
    expect(applyCustody('prestada', { to: 'en_taller' })).toEqual({ ok: false, refusal: 'onLoan' });
    expect(applyCustody('en_taller', { to: 'en_taller', loan: 'return' })).toEqual({ ok: false, refusal: 'notOnLoan' });
  });
});

describe('how consent names the artist', () => {
  const consent = (naming: 'nombre_completo' | 'iniciales' | 'seudonimo' | 'anonimo', pseudonym: string | null = null) => ({
    ...NO_CONSENT,
    naming,
    pseudonym,
  });

  it('computes initials from the name, leaving out particles', () => {
    expect(initialsOf('José Luis Quispe Mamani')).toBe('J. L. Q. M.');
    expect(initialsOf('  María de la Cruz  ')).toBe('M. C.');
    expect(initialsOf('Ñusta Huamán-Ríos')).toBe('Ñ. H. R.');
  });

  it('gives out nothing of the real name except what the naming mode allows', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[A-Za-zÁÉÍÓÚÑáéíóúñ]{3,12}$/), { minLength: 2, maxLength: 4 }),
        fc.stringMatching(/^[A-Z][a-z]{3,10}$/),
        (words, pseudonym) => {
          const name = words.join(' ');
          const shown = [
            consentedArtist(name, consent('seudonimo', pseudonym)),
            consentedArtist(name, consent('anonimo')),
            consentedArtist(name, consent('iniciales')),
          ];
          expect(shown[0]).toBe(pseudonym);
          expect(shown[1]).toBeNull();
          for (const w of words) expect(shown[2]).not.toContain(w);
          expect(consentedArtist(name, consent('nombre_completo'))).toBe(name);
        },
      ),
    );
  });
});
