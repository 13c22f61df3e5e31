import type { Widen } from '../../types';

/** A curator's choices for the catalog (cover, English texts, partner logos) and the preflight before export. */
export const choicesEs = {
  form: {
    spanish: 'Español',
    english: 'English',
    inEnglish: '{{field}} (inglés)',
    englishHint: 'Textos para el catálogo en inglés. Los que falten se imprimen en español (la revisión previa lo avisa).',
    cover: 'Portada del catálogo',
    coverDefault: 'Portada: primera obra con foto',
    coverHint: 'Obras de la lista cuya foto puede publicarse, según el consentimiento de su autor.',
  },
  preflight: {
    title: 'Revisión antes de imprimir',
    check: 'Revisar para la imprenta',
    hint: 'Lo que una imprenta rechazaría. Puede exportar de todos modos.',
    clean: 'Nada que la imprenta rechazaría: imágenes de {{ppi}} ppi o más, fichas que caben, todas las obras con foto.',
    lowResolution: 'La foto de «{{title}}» (n.º {{number}}) queda a {{ppi}} ppi en {{size}} cm ({{pixels}} px): la imprenta pide {{min}}.',
    coverLowResolution:
      'La foto de portada («{{title}}», n.º {{number}}) queda a {{ppi}} ppi en {{size}} cm ({{pixels}} px): la imprenta pide {{min}}.',
    logoLowResolution: 'El logo de {{name}} queda a {{ppi}} ppi en {{size}} cm ({{pixels}} px): la imprenta pide {{min}}.',
    noPhoto: '«{{title}}» (n.º {{number}}) no tiene foto publicable: se imprime un recuadro «Imagen no publicada».',
    captionTooLong: 'La ficha de «{{title}}» (n.º {{number}}) no cabe en su espacio: unas {{lines}} líneas donde caben {{fits}}.',
    missingEnglish: 'Falta en inglés: {{field}}. Se imprimirá el texto en español.',
    fields: {
      title: 'el título',
      subtitle: 'el subtítulo',
      presentation: 'la presentación',
      curatorialText: 'el texto curatorial',
      credits: 'los créditos',
    },
  },
  errors: {
    coverNotOnChecklist: 'Elija como portada una obra de la lista de esta exposición.',
    logoType: 'El logo debe ser una imagen PNG o SVG.',
    logoUnsafe: 'El SVG tiene scripts, eventos o referencias externas: expórtelo solo como dibujo e inténtelo de nuevo.',
    logoUnreadable: 'No se pudo leer el logo: revise que el archivo sea un PNG o SVG válido.',
  },
};

export const choicesEn: Widen<typeof choicesEs> = {
  form: {
    spanish: 'Español',
    english: 'English',
    inEnglish: '{{field}} (English)',
    englishHint: 'Texts for the English catalogue. Missing ones print in Spanish (the preflight says so).',
    cover: 'Catalogue cover',
    coverDefault: 'Cover: first work with a photo',
    coverHint: 'Works on the checklist whose photo may be published, as their author consented.',
  },
  preflight: {
    title: 'Check before printing',
    check: 'Check for the print shop',
    hint: 'What a print shop would reject. You can export anyway.',
    clean: 'Nothing a print shop would reject: images at {{ppi}} ppi or more, captions that fit, every work with a photo.',
    lowResolution:
      'The photo of “{{title}}” (no. {{number}}) prints at {{ppi}} ppi at {{size}} cm ({{pixels}} px): the print shop asks for {{min}}.',
    coverLowResolution:
      'The cover photo (“{{title}}”, no. {{number}}) prints at {{ppi}} ppi at {{size}} cm ({{pixels}} px): the print shop asks for {{min}}.',
    logoLowResolution: 'The logo of {{name}} prints at {{ppi}} ppi at {{size}} cm ({{pixels}} px): the print shop asks for {{min}}.',
    noPhoto: '“{{title}}” (no. {{number}}) has no publishable photo: an “Image not published” box prints instead.',
    captionTooLong: 'The caption of “{{title}}” (no. {{number}}) does not fit its space: about {{lines}} lines where {{fits}} fit.',
    missingEnglish: 'Missing in English: {{field}}. The Spanish text will print.',
    fields: {
      title: 'the title',
      subtitle: 'the subtitle',
      presentation: 'the presentation',
      curatorialText: 'the curatorial text',
      credits: 'the credits',
    },
  },
  errors: {
    coverNotOnChecklist: 'Choose a work on this exhibition’s checklist as the cover.',
    logoType: 'The logo must be a PNG or SVG image.',
    logoUnsafe: 'The SVG has scripts, events or external references: export it as a plain drawing and try again.',
    logoUnreadable: 'The logo could not be read: check that the file is a valid PNG or SVG.',
  },
};
