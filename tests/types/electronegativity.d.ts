/** Electronegativity ships no types; tests/unit/static/electronegativity.test.ts describes what it uses. */
declare module '@doyensec/electronegativity';
