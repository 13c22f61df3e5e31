import type { Widen } from '../../types';

/** The home page's small charts (issue 17, item 4), part of shared/i18n/areas/evaluation.ts. */
export const evaluationDashboardEs = {
  title: 'Indicadores',
  seeInEvaluation: 'Ver en Evaluación',
  seeChartInEvaluation: 'Ver «{{chart}}» en Evaluación',
  instruments: 'Instrumentos por estado',
  instrumentsSummary: '{{total}} instrumentos: {{parts}}.',
  attendance: 'Asistencia: este mes y el anterior',
  attendanceRate: 'Tasa de asistencia',
  attendanceMonth: '{{month}}: {{rate}}',
  attendanceSoFar: '{{month}} (hasta hoy)',
  attendanceNoMarks: 'sin asistencia registrada',
  attendanceSmall: 'menos de 5 participantes («< 5»)',
  budget: 'Ejecución presupuestal {{year}}',
  planned: 'Asignado',
  executed: 'Ejecutado',
  budgetSummary: 'Ejecutado {{executed}} de {{planned}} asignados ({{share}}).',
  budgetNoPlan: 'Ejecutado {{executed}}; no hay presupuesto asignado para el año.',
};

export const evaluationDashboardEn: Widen<typeof evaluationDashboardEs> = {
  title: 'Indicators',
  seeInEvaluation: 'See in Evaluation',
  seeChartInEvaluation: 'See “{{chart}}” in Evaluation',
  instruments: 'Instruments by condition',
  instrumentsSummary: '{{total}} instruments: {{parts}}.',
  attendance: 'Attendance: this month and last',
  attendanceRate: 'Attendance rate',
  attendanceMonth: '{{month}}: {{rate}}',
  attendanceSoFar: '{{month}} (so far)',
  attendanceNoMarks: 'no attendance recorded',
  attendanceSmall: 'fewer than 5 participants (“< 5”)',
  budget: 'Budget execution {{year}}',
  planned: 'Assigned',
  executed: 'Executed',
  budgetSummary: '{{executed}} executed of {{planned}} assigned ({{share}}).',
  budgetNoPlan: '{{executed}} executed; no budget assigned for the year.',
};
