import type { MantineColor } from '@mantine/core';
import type { Agreement } from '../../../../shared/programmes/schemas';

/** The badge colour of each agreement state (vigente, por vencer, vencido, indefinido). */
export const stateColors: Record<Agreement['state'], MantineColor> = {
  vigente: 'teal',
  por_vencer: 'orange',
  vencido: 'red',
  indefinido: 'gray',
};

/** A refused save as the partner and agreement forms read it: field messages and the sentence. */
export type Refusal = { error: { fields: Record<string, string> }; message: string };
