import { Select, createTheme } from '@mantine/core';

/** Sober institutional colours; system fonts (the app works offline). */
export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '600' },
  components: {
    // Opening a Select otherwise schedules a timer that forgets the highlighted option without
    // clearing its highlight; on a busy office PC the keys typed arrive before that timer, so a
    // clerk who types "Lima" sees "Lima (…)" highlighted and Enter picks nothing. Selecting the
    // first option on open does it at once, with no timer.
    Select: Select.extend({ defaultProps: { selectFirstOptionOnDropdownOpen: true } }),
  },
});
