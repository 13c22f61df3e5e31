/** A badge never cut short: a narrow column grows (or scrolls) instead of showing "En tránsi…". */
export const whole = { root: { overflow: 'visible', flexShrink: 0 }, label: { overflow: 'visible' } } as const;
