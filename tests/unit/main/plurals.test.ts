import { describe, expect, it } from 'vitest';
import { translator } from '../../../electron/main/i18n';

/** Counted words agree with their number ("1 ausente", "2 ausentes"), in both languages, in main and the renderer (same catalogs). */
describe('plurals', () => {
  const es = translator('es-PE');
  const en = translator('en');

  it('the attendance counts and the sessions list', () => {
    expect(es('programmes.attendance.counts', { present: 1, absent: 1, unmarked: 0 })).toBe('1 presente · 1 ausente · 0 sin marcar');
    expect(es('programmes.attendance.counts', { present: 12, absent: 0, unmarked: 2 })).toBe('12 presentes · 0 ausentes · 2 sin marcar');
    expect(es('programmes.attendance.saved', { present: 1, absent: 3 })).toBe('Asistencia guardada: 1 presente, 3 ausentes.');
    expect(es('programmes.sessions.taken', { present: 1, marked: 1 })).toBe('1 de 1 presente');
    expect(es('programmes.workshops.seats', { enrolled: 0, capacity: 1 })).toBe('0 de 1 cupo');
  });

  it('the season, the agreements and the refusals', () => {
    expect(es('programmes.events.seasonSummary', { events: 1, audience: 1234 })).toBe('1 evento · 1,234 asistentes');
    expect(es('programmes.dashboard.agreementAlert', { title: 'Arte sin Barreras', partner: 'MML', date: '31/12/2026', days: 1 })).toBe(
      'El convenio «Arte sin Barreras» con MML vence el 31/12/2026 (1 día).',
    );
    expect(es('programmes.errors.overCapacity', { capacity: 1, free: 1 })).toBe(
      'El taller tiene capacidad para 1 participante; queda 1 cupo.',
    );
    expect(es('programmes.errors.notInGroup', { count: 2 })).toBe(
      'La lista incluye 2 personas que no pertenecen al grupo en la fecha de la sesión.',
    );
    expect(es('backups.attachmentsSummary', { count: 1, size: '2 MB' })).toBe('1 archivo, 2 MB');
  });

  it('the dashboard: establishments for men, women and mixed', () => {
    const split = (t: typeof es, mixto: number) =>
      t('dashboard.inProgrammeSplit', { varones: 5, mujeres: 2, mixed: t('dashboard.mixed', { count: mixto }) });
    expect(split(es, 1)).toBe('5 de varones · 2 de mujeres · 1 mixto');
    expect(split(es, 0)).toBe('5 de varones · 2 de mujeres · 0 mixtos');
    expect(split(en, 3)).toBe('5 for men · 2 for women · 3 mixed');
  });

  it('the UNESCO entry and the certificates, in Spanish and English', () => {
    expect(
      es('programmes.unesco.activityProgramme', { programme: 'Cerámica', workshops: 1, sessions: 1, hours: 1.5, participants: 1 }),
    ).toBe('Cerámica: 1 taller, 1 sesión (1.5 horas) con 1 participante.');
    expect(en('programmes.unesco.resultAlliances', { partners: 1, agreements: 2 })).toBe(
      'Institutional alliances: 1 partner and 2 agreements in force.',
    );
    expect(
      es('programmes.certificates.body', {
        workshop: 'Charango',
        programme: 'INPE Orquestando',
        establishment: 'E.P. de Lurigancho',
        from: '01/03/2026',
        to: '30/06/2026',
        hours: 1,
      }),
    ).toContain('con 1 hora de asistencia acumulada.');
  });
});
