import { isOptionsGroup, type ComboboxParsedItem, type OptionsFilter } from '@mantine/core';
import { normalizeText } from '../../../shared/format';

/**
 * The options whose label contains every word typed, without regard to accents or case:
 * "violin" finds "Violín", "huanuco" finds "E.P. de Huánuco".
 */
export const accentFilter: OptionsFilter = ({ options, search }) => {
  const words = normalizeText(search).split(' ').filter(Boolean);
  const keep = (items: ComboboxParsedItem[]): ComboboxParsedItem[] =>
    items.flatMap((item): ComboboxParsedItem[] => {
      if (isOptionsGroup(item)) {
        const inner = keep(item.items) as typeof item.items;
        return inner.length > 0 ? [{ ...item, items: inner }] : [];
      }
      const label = normalizeText(item.label);
      return words.every((w) => label.includes(w)) ? [item] : [];
    });
  return keep(options);
};
