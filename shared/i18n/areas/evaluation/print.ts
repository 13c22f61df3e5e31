import type { Widen } from '../../types';

/** The evaluation page printed to PDF (its button, cover line and footer), part of shared/i18n/areas/evaluation.ts. */
export const evaluationPrintEs = {
  button: 'Imprimir PDF',
  title: 'Evaluación del programa',
  fileName: 'evaluacion-graficos',
  filtersApplied: 'Filtros aplicados',
  period: 'Periodo',
  periodValue: 'del {{from}} al {{to}}',
  generated: 'Generado el {{date}} por {{user}}. Solo cifras agregadas: ningún nombre de participante.',
  annualCharts: 'Gráficos del año',
};

export const evaluationPrintEn: Widen<typeof evaluationPrintEs> = {
  button: 'Print PDF',
  title: 'Programme evaluation',
  fileName: 'evaluation-charts',
  filtersApplied: 'Filters applied',
  period: 'Period',
  periodValue: 'from {{from}} to {{to}}',
  generated: 'Generated on {{date}} by {{user}}. Aggregate figures only: no participant is named.',
  annualCharts: 'Charts of the year',
};
