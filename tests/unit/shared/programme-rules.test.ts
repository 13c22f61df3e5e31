import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowedCustody,
  attendanceFigures,
  hoursOf,
  participantStatuses,
  stageTransitions,
  statusAfterCustody,
} from '../../../shared/programmes/rules';

const s = (id: number, date: string, minutes = 60) => ({ id, date, minutes });

describe('attendance figures', () => {
  it('count only sessions inside the enrolment, in date order, missing marks as absences', () => {
    const sessions = [s(3, '2026-03-16', 120), s(1, '2026-03-02', 90), s(2, '2026-03-09'), s(4, '2026-03-23'), s(5, '2026-04-06', 30)];
    // Enrolled 09/03, left 23/03: sessions 2, 3, 4 count; present at 3 only.
    expect(attendanceFigures(sessions, new Set([1, 3, 5]), { from: '2026-03-09', to: '2026-03-23' })).toEqual({
      sessions: 3,
      present: 1,
      rate: 1 / 3,
      consecutiveAbsences: 1,
      minutes: 120,
    });
    expect(attendanceFigures([], new Set(), { from: '2026-01-01', to: null })).toEqual({
      sessions: 0,
      present: 0,
      rate: null,
      consecutiveAbsences: 0,
      minutes: 0,
    });
  });

  it('absences in a row never exceed the absences, and present + absent = sessions (any history)', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 60 }), (marks) => {
        const sessions = marks.map((_, i) =>
          s(i + 1, `2026-${String(1 + Math.floor(i / 28)).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`),
        );
        const present = new Set(sessions.filter((_, i) => marks[i]).map((x) => x.id));
        const f = attendanceFigures(sessions, present, { from: '2026-01-01', to: null });
        expect(f.present).toBe(marks.filter(Boolean).length);
        expect(f.consecutiveAbsences).toBeLessThanOrEqual(f.sessions - f.present);
        expect(f.minutes).toBe(f.present * 60);
        const tail = marks.length - 1 - marks.lastIndexOf(true);
        expect(f.consecutiveAbsences).toBe(marks.lastIndexOf(true) === -1 ? marks.length : tail);
      }),
    );
  });

  it('hours keep one decimal', () => {
    expect(hoursOf(150)).toBe(2.5);
    expect(hoursOf(100)).toBe(1.7);
  });
});

describe('custody and stages', () => {
  it('a released participant can only come back (a re-entry); every change leads to a known status', () => {
    expect(allowedCustody('egresado')).toEqual(['reincorporacion']);
    for (const status of participantStatuses)
      for (const k of allowedCustody(status)) expect(participantStatuses).toContain(statusAfterCustody[k]);
    expect(allowedCustody('activo')).not.toContain('reincorporacion');
  });

  it('completed and withdrawn enrolments are final', () => {
    expect(stageTransitions.completado).toEqual([]);
    expect(stageTransitions.retirado).toEqual([]);
    expect(stageTransitions.inscrito).toContain('activo');
  });
});
