import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resources } from '../../../shared/i18n';
import { issuesByField } from '../../../shared/validation';
import {
  allowedActions,
  contractSchedule,
  contractTotal,
  effectiveStatus,
  findOverlap,
  isValidDni,
  isValidRuc,
  lifecycleCheck,
  lineBalance,
  missingPeriods,
  penToUsdCents,
  rateToScaled,
  retentionFor,
  rucCheckDigit,
  rucMatchesDni,
  rucProblem,
  scheduledInYear,
  suspensionCovers,
  totalBalance,
  unauthorisedAtStart,
} from '../../../shared/contracts/rules';
import { AuthorisationInput, BudgetSave, ContractCreate, TeacherCreate } from '../../../shared/contracts/schemas';

describe('DNI', () => {
  it('is 8 digits', () => {
    for (const ok of ['46849786', '07654321', '12345678']) expect(isValidDni(ok), ok).toBe(true);
    for (const bad of ['4684978', '468497861', '4684978a', ' 46849786', '00000000', '']) expect(isValidDni(bad), bad).toBe(false);
  });
});

describe('RUC', () => {
  it('accepts real RUCs of Peruvian institutions and companies', () => {
    // SUNAT, MEF, Banco de Crédito del Perú, Supermercados Peruanos.
    for (const ruc of ['20131312955', '20131370645', '20100047218', '20100070970']) expect(isValidRuc(ruc), ruc).toBe(true);
  });

  it('computes the check digit with SUNAT weights 5,4,3,2,7,6,5,4,3,2', () => {
    // SUNAT 2013131295: 2·5 + 0·4 + 1·3 + 3·2 + 1·7 + 3·6 + 1·5 + 2·4 + 9·3 + 5·2 = 94; 94 mod 11 = 6; 11 − 6 = 5.
    expect(rucCheckDigit('2013131295')).toBe(5);
    expect(rucCheckDigit('1046849786')).toBe(2);
    // 2010007097: the sum is 89, 89 mod 11 = 1, and 11 − 1 = 10 wraps to 0.
    expect(rucCheckDigit('2010007097')).toBe(0);
  });

  it('says why a RUC is refused', () => {
    expect(rucProblem('2013131295')).toBe('format');
    expect(rucProblem('201313129555')).toBe('format');
    expect(rucProblem('2013131295A')).toBe('format');
    expect(rucProblem('30131312955')).toBe('prefix');
    expect(rucProblem('11131312955')).toBe('prefix');
    expect(rucProblem('20131312954')).toBe('checkDigit');
    expect(rucProblem('10468497861')).toBe('checkDigit');
    expect(rucProblem('10468497862')).toBeNull();
  });

  it('a RUC 10 carries its holder’s DNI', () => {
    expect(rucMatchesDni('10468497862', '46849786')).toBe(true);
    expect(rucMatchesDni('10076543211', '46849786')).toBe(false);
    expect(rucMatchesDni('20131312955', '46849786')).toBe(true);
  });

  it('changing any one digit of a valid RUC makes it invalid', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 9 }), fc.integer({ min: 1, max: 9 }), (pos, delta) => {
        const ruc = '20131312955';
        const d = (Number(ruc[pos]) + delta) % 10;
        const changed = ruc.slice(0, pos) + d + ruc.slice(pos + 1);
        return !isValidRuc(changed) || changed === ruc;
      }),
    );
  });

  const base = { dni: '46849786', firstNames: 'Rosa', lastNames: 'Quispe', sex: 'F', disciplines: ['musica'] };
  it('the teacher schema puts each refusal next to its field, in catalog keys', () => {
    const issue = (over: object) => {
      const r = TeacherCreate.safeParse({ ...base, ...over });
      return r.success ? null : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(issue({ ruc: '10468497862' })).toBeNull();
    expect(issue({ ruc: '' })).toBeNull();
    expect(issue({ ruc: '10468497861' })).toEqual(['ruc: contracts.errors.rucCheckDigit']);
    expect(issue({ ruc: '40468497862' })).toEqual(['ruc: contracts.errors.rucPrefix']);
    // Issue 13: a wrong count of digits says how many there are (nothing is ever cut to fit).
    expect(issue({ ruc: '104684978' })).toEqual(['ruc: contracts.errors.rucLength']);
    expect(issue({ ruc: '10468497A62' })).toEqual(['ruc: contracts.errors.rucFormat']);
    expect(issue({ ruc: '10076543211' })).toEqual(['ruc: contracts.errors.rucDni']);
    expect(issue({ dni: '4684978' })).toEqual(['dni: contracts.errors.dniLength']);
    expect(issue({ dni: '4684978A' })).toEqual(['dni: contracts.errors.dni']);
  });

  it('says how many digits a RUC or DNI has, and how long a text is, in the Spanish message beside the field', () => {
    const input = { ...base, dni: '468497861', ruc: '104684978623', address: 'x'.repeat(250) };
    const r = TeacherCreate.safeParse(input);
    expect(r.success).toBe(false);
    const byField = issuesByField(r.error!, input);
    expect(byField.dni).toEqual({ key: 'contracts.errors.dniLength', params: { length: 9 } });
    expect(byField.ruc).toEqual({ key: 'contracts.errors.rucLength', params: { length: 12 } });
    expect(byField.address).toEqual({ key: 'errors.tooLongCount', params: { max: 200, length: 250 } });
    // The Spanish catalog's sentence with its values, as the form shows it.
    const es = (ref: { key: string; params?: Record<string, string | number> }): string => {
      const template = ref.key
        .split('.')
        .reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], resources['es-PE'].translation) as string;
      return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(ref.params?.[k]));
    };
    expect(es(byField.ruc!)).toBe('El RUC tiene 11 dígitos; este tiene 12.');
    expect(es(byField.dni!)).toBe('El DNI tiene 8 dígitos; este tiene 9.');
    expect(es(byField.address!)).toBe('Escriba como máximo 200 caracteres; este tiene 250. No se recorta: acórtelo usted.');
  });
});

describe('contract lifecycle', () => {
  const today = '2026-11-26';
  it('vencido and por vencer follow from the end date', () => {
    expect(effectiveStatus('borrador', '2026-01-31', today)).toBe('borrador');
    expect(effectiveStatus('resuelto', '2027-12-31', today)).toBe('resuelto');
    expect(effectiveStatus('vigente', '2026-11-25', today)).toBe('vencido');
    expect(effectiveStatus('vigente', '2026-11-26', today)).toBe('por_vencer');
    expect(effectiveStatus('vigente', '2026-12-26', today)).toBe('por_vencer'); // 30 days
    expect(effectiveStatus('vigente', '2026-12-27', today)).toBe('vigente'); // 31 days
  });

  it('only a draft is edited or activated; only one in force is resolved; expired and in force ones are renewed once', () => {
    expect(allowedActions('borrador', false)).toEqual(['edit', 'activate']);
    expect(allowedActions('vigente', false)).toEqual(['terminate', 'renew', 'conformity']);
    expect(allowedActions('por_vencer', true)).toEqual(['terminate', 'conformity']);
    expect(allowedActions('vencido', false)).toEqual(['renew', 'conformity']);
    expect(allowedActions('resuelto', false)).toEqual(['conformity']);
    expect(lifecycleCheck('vigente', 'edit')).toBe('onlyDraftEditable');
    expect(lifecycleCheck('vencido', 'terminate')).toBe('alreadyEnded');
    expect(lifecycleCheck('borrador', 'terminate')).toBe('notInForce');
    expect(lifecycleCheck('vigente', 'renew', true)).toBe('alreadyRenewed');
    expect(lifecycleCheck('borrador', 'conformity')).toBe('draftHasNoConformity');
  });

  it('two contracts of a teacher in force may not overlap in time for the same establishment', () => {
    const a = { id: 1, number: 'OS 1', start: '2026-01-01', end: '2026-06-30', establishmentIds: [10, 11] };
    const later = { id: 2, number: 'OS 2', start: '2026-07-01', end: '2026-12-31', establishmentIds: [10] };
    const touching = { ...later, start: '2026-06-30' };
    const elsewhere = { ...touching, establishmentIds: [12] };
    expect(findOverlap(later, [a])).toBeNull();
    expect(findOverlap(touching, [a])).toEqual({ other: a, establishmentId: 10 });
    expect(findOverlap(elsewhere, [a])).toBeNull();
    expect(findOverlap(a, [a])).toBeNull(); // itself
  });

  it('warns about establishments without a valid authorisation on the start day', () => {
    const auths = [
      { establishmentId: 10, validFrom: '2026-02-01', validTo: '2026-12-31' },
      { establishmentId: 11, validFrom: '2025-01-01', validTo: '2026-01-31' },
    ];
    expect(unauthorisedAtStart('2026-01-15', [10, 11, 12], auths)).toEqual([10, 12]);
    expect(unauthorisedAtStart('2026-02-01', [10], auths)).toEqual([]);
  });

  it('the contract schema refuses an end before the start, an unpaid service order and a prison listed twice', () => {
    const c = {
      teacherId: 1,
      modality: 'orden_servicio',
      number: 'OS N° 0123-2026',
      object: 'Enseñanza de violín',
      startDate: '2026-03-01',
      endDate: '2026-12-31',
      amountType: 'mensual',
      amountCentimos: 250000,
      hoursPerWeek: 12,
      budgetLine: 'docentes',
      establishments: [{ establishmentId: 1, workshopIds: [] }],
    };
    expect(ContractCreate.safeParse(c).success).toBe(true);
    const paths = (over: object) =>
      (ContractCreate.safeParse({ ...c, ...over }).error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(paths({ endDate: '2026-02-28' })).toEqual(['endDate: contracts.errors.endBeforeStart']);
    expect(paths({ amountCentimos: 0 })).toEqual(['amountCentimos: contracts.errors.amountRequired']);
    expect(paths({ amountCentimos: 0, modality: 'voluntariado' })).toEqual([]);
    expect(paths({ establishments: [{ establishmentId: 1 }, { establishmentId: 1 }] })).toEqual([
      'establishments.1.establishmentId: contracts.errors.establishmentTwice',
    ]);
    expect(
      AuthorisationInput.safeParse({
        teacherId: 1,
        establishmentId: 1,
        validFrom: '2026-03-01',
        validTo: '2026-02-01',
        documentNumber: 'Oficio 1',
      }).error?.issues[0],
    ).toMatchObject({
      path: ['validTo'],
      message: 'contracts.errors.endBeforeStart',
    });
  });
});

describe('schedule', () => {
  it('a monthly fee is one installment per calendar month; a resolution drops the months after it', () => {
    const terms = {
      startDate: '2026-03-01',
      endDate: '2026-08-31',
      resolvedOn: null,
      amountType: 'mensual' as const,
      amountCentimos: 250_000,
    };
    expect(contractSchedule(terms).map((m) => m.period)).toEqual(['2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08']);
    expect(contractTotal(terms)).toBe(1_500_000);
    const resolved = contractSchedule({ ...terms, resolvedOn: '2026-05-20' });
    expect(resolved.map((m) => m.period)).toEqual(['2026-03', '2026-04', '2026-05']);
  });

  it('a total amount is split in equal installments, the last taking the céntimos left over', () => {
    const s = contractSchedule({
      startDate: '2026-10-15',
      endDate: '2027-01-14',
      resolvedOn: null,
      amountType: 'total',
      amountCentimos: 1_000_000,
    });
    expect(s).toEqual([
      { period: '2026-10', expectedCentimos: 250_000 },
      { period: '2026-11', expectedCentimos: 250_000 },
      { period: '2026-12', expectedCentimos: 250_000 },
      { period: '2027-01', expectedCentimos: 250_000 },
    ]);
    expect(scheduledInYear(s, 2026)).toBe(750_000);
    expect(scheduledInYear(s, 2027)).toBe(250_000);
    const odd = contractSchedule({
      startDate: '2026-01-01',
      endDate: '2026-03-31',
      resolvedOn: null,
      amountType: 'total',
      amountCentimos: 100_000,
    });
    expect(odd.map((m) => m.expectedCentimos)).toEqual([33_333, 33_333, 33_334]);
  });

  it('the installments of a total always add up to it exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000_000 }), fc.integer({ min: 0, max: 35 }), (amount, extra) => {
        const end = new Date(Date.UTC(2026, extra, 28)).toISOString().slice(0, 10);
        const s = contractSchedule({
          startDate: '2026-01-01',
          endDate: end,
          resolvedOn: null,
          amountType: 'total',
          amountCentimos: amount,
        });
        return (
          s.length === extra + 1 && s.reduce((a, m) => a + m.expectedCentimos, 0) === amount && s.every((m) => m.expectedCentimos >= 0)
        );
      }),
    );
  });

  it('months that have ended without a conformity are missing', () => {
    const s = contractSchedule({
      startDate: '2026-08-01',
      endDate: '2026-12-31',
      resolvedOn: null,
      amountType: 'mensual',
      amountCentimos: 1,
    });
    expect(missingPeriods(s, new Set(['2026-09']), '2026-11-26')).toEqual(['2026-08', '2026-10']);
    expect(missingPeriods(s, new Set(), '2026-11-30')).toEqual(['2026-08', '2026-09', '2026-10']); // November has not ended
    expect(missingPeriods(s, new Set(), '2026-12-01')).toEqual(['2026-08', '2026-09', '2026-10', '2026-11']);
  });
});

describe('retention of fourth-category income tax', () => {
  it('below and at S/ 1,500.00 nothing is withheld', () => {
    expect(retentionFor(120_000, false)).toEqual({ grossCentimos: 120_000, retentionCentimos: 0, netCentimos: 120_000, suspended: false });
    expect(retentionFor(150_000, false)).toEqual({ grossCentimos: 150_000, retentionCentimos: 0, netCentimos: 150_000, suspended: false });
  });

  it('above S/ 1,500.00, 8% of the whole receipt is withheld', () => {
    expect(retentionFor(150_001, false)).toEqual({
      grossCentimos: 150_001,
      retentionCentimos: 12_000,
      netCentimos: 138_001,
      suspended: false,
    });
    expect(retentionFor(250_000, false)).toEqual({
      grossCentimos: 250_000,
      retentionCentimos: 20_000,
      netCentimos: 230_000,
      suspended: false,
    });
    expect(retentionFor(180_050, false).retentionCentimos).toBe(14_404); // 8% of S/ 1,800.50 = S/ 144.04
  });

  it('a suspension on file spares the receipt, and says so', () => {
    expect(retentionFor(250_000, true)).toEqual({ grossCentimos: 250_000, retentionCentimos: 0, netCentimos: 250_000, suspended: true });
    expect(retentionFor(100_000, true).suspended).toBe(false); // nothing to spare
  });

  it('a suspension counts for receipts of its year issued once it was filed', () => {
    const s = [{ fiscalYear: 2026, filedOn: '2026-03-10' }];
    expect(suspensionCovers(s, '2026-03-09')).toBe(false);
    expect(suspensionCovers(s, '2026-03-10')).toBe(true);
    expect(suspensionCovers(s, '2026-12-31')).toBe(true);
    expect(suspensionCovers(s, '2027-01-05')).toBe(false);
  });

  it('gross is always net plus retention', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.boolean(), (g, s) => {
        const r = retentionFor(g, s);
        return r.netCentimos + r.retentionCentimos === g && Number.isInteger(r.retentionCentimos);
      }),
    );
  });
});

describe('budget arithmetic', () => {
  it('available is budget minus committed minus executed; above 90% is an alert', () => {
    expect(lineBalance({ budgetCentimos: 21_000_000, committedCentimos: 12_000_000, executedCentimos: 6_000_000 })).toEqual({
      budgetCentimos: 21_000_000,
      committedCentimos: 12_000_000,
      executedCentimos: 6_000_000,
      availableCentimos: 3_000_000,
      usedPercent: 85.7,
      alert: false,
    });
    expect(lineBalance({ budgetCentimos: 1_000_000, committedCentimos: 900_000, executedCentimos: 0 }).alert).toBe(false); // exactly 90%
    expect(lineBalance({ budgetCentimos: 1_000_000, committedCentimos: 900_000, executedCentimos: 1 }).alert).toBe(true);
    expect(lineBalance({ budgetCentimos: 0, committedCentimos: 1, executedCentimos: 0 })).toMatchObject({
      usedPercent: null,
      alert: true,
      availableCentimos: -1,
    });
  });

  it('totals add the lines; USD at the year’s rate (S/ 500,000 at 3.40 is US$ 147,058.82)', () => {
    const total = totalBalance([
      { budgetCentimos: 22_000_000, committedCentimos: 0, executedCentimos: 5_000_000 },
      { budgetCentimos: 21_000_000, committedCentimos: 9_000_000, executedCentimos: 3_000_000 },
      { budgetCentimos: 7_000_000, committedCentimos: 0, executedCentimos: 0 },
    ]);
    expect(total).toMatchObject({
      budgetCentimos: 50_000_000,
      committedCentimos: 9_000_000,
      executedCentimos: 8_000_000,
      availableCentimos: 33_000_000,
      usedPercent: 34,
    });
    expect(penToUsdCents(50_000_000, rateToScaled(3.4))).toBe(14_705_882);
    expect(penToUsdCents(374_250, rateToScaled(3.7425))).toBe(100_000);
    expect(
      BudgetSave.safeParse({
        year: 2026,
        exchangeRate: 3.7425,
        lines: { instrumentos: 0, docentes: 0, capacitacion: 0, materiales: 0, eventos: 0 },
        version: null,
      }).success,
    ).toBe(true);
  });
});
