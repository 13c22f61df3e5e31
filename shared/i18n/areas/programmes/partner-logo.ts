import type { Widen } from '../../types';

/** Programmes texts, part of shared/i18n/areas/programmes.ts: a partner's logo (issue 18: the catalog's cover and credits). */
export const programmesPartnerLogoEs = {
  partnerLogo: {
    label: 'Logo',
    hint: 'Se imprime en la portada y en los créditos del catálogo de InternArte. PNG, o SVG que sea solo un dibujo.',
    empty: 'Sin logo.',
    alt: 'Logo de {{name}}',
    upload: 'Subir logo (PNG o SVG)',
    remove: 'Quitar logo',
    uploaded: 'Logo de {{name}} guardado.',
    removed: 'Logo de {{name}} quitado. El archivo queda guardado.',
    none: 'El aliado no tiene logo.',
  },
};

export const programmesPartnerLogoEn: Widen<typeof programmesPartnerLogoEs> = {
  partnerLogo: {
    label: 'Logo',
    hint: "Printed on the cover and in the credits of InternArte's catalog. PNG, or an SVG that is only a drawing.",
    empty: 'No logo.',
    alt: 'Logo of {{name}}',
    upload: 'Upload logo (PNG or SVG)',
    remove: 'Remove logo',
    uploaded: 'Logo of {{name}} saved.',
    removed: 'Logo of {{name}} removed. The file stays stored.',
    none: 'The partner has no logo.',
  },
};
