/** The evaluation page's address. */
export const evaluationPath = '/evaluacion';
