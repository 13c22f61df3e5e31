import type { Widen } from '../types';

/** The home page (Inicio): the programme's figures at a glance and the first steps on an empty database. Spanish (Peru) first, English beside it. */
export const dashboardEs = {
  title: 'Inicio',
  subtitle: 'El programa de arte y cultura de un vistazo',
  regionalOffices: 'Oficinas regionales',
  establishments: 'Establecimientos registrados',
  active: 'Establecimientos activos',
  inProgramme: 'Establecimientos en el programa',
  inProgrammeSplit: '{{varones}} de varones · {{mujeres}} de mujeres · {{mixed}}',
  mixed_one: '{{count}} mixto',
  mixed_other: '{{count}} mixtos',
  byRegion: 'Establecimientos por oficina regional',
  byRegionTotal: 'Registrados',
  byRegionInProgramme: 'En el programa',
  emptyTitle: 'La base de datos está vacía',
  emptyText:
    'Aún no hay establecimientos registrados. Puede registrar el primero o cargar un conjunto de datos de demostración para conocer la aplicación.',
  loadDemo: 'Cargar datos de demostración',
  emptyAskAdmin: 'El administrador del sistema registra los establecimientos o carga los datos de demostración.',
  demoWarning: 'Los datos de demostración son ficticios y quedan marcados como tales. Úselos solo en una base de prueba.',
  demoLoaded:
    'Se cargaron los datos de demostración: {{count}} establecimientos, {{instruments}} instrumentos y {{equipment}} equipos de arte.',
  firstEstablishment: 'Registrar el primer establecimiento',
};

export const dashboardEn: Widen<typeof dashboardEs> = {
  title: 'Home',
  subtitle: 'The art and culture programme at a glance',
  regionalOffices: 'Regional offices',
  establishments: 'Registered establishments',
  active: 'Active establishments',
  inProgramme: 'Establishments in the programme',
  inProgrammeSplit: '{{varones}} for men · {{mujeres}} for women · {{mixed}}',
  mixed_one: '{{count}} mixed',
  mixed_other: '{{count}} mixed',
  byRegion: 'Establishments by regional office',
  byRegionTotal: 'Registered',
  byRegionInProgramme: 'In the programme',
  emptyTitle: 'The database is empty',
  emptyText:
    'No establishment has been registered yet. Register the first one, or load a demonstration dataset to get to know the application.',
  loadDemo: 'Load demonstration data',
  emptyAskAdmin: 'The system administrator registers the establishments or loads the demonstration data.',
  demoWarning: 'Demonstration data is fictitious and stays marked as such. Use it only in a test database.',
  demoLoaded:
    'The demonstration data was loaded: {{count}} establishments, {{instruments}} instruments and {{equipment}} pieces of art equipment.',
  firstEstablishment: 'Register the first establishment',
};
