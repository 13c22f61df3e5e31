import { nonEmpty, type Row } from '../../db/rows';

/** An exhibition as another page names it: its title, venue and dates (a row with id, title, venue, starts_on, ends_on). */
export const exhibitionHeading = (r: Row) => ({
  id: Number(r.id),
  title: String(r.title),
  venue: nonEmpty(r.venue),
  startsOn: nonEmpty(r.starts_on),
  endsOn: nonEmpty(r.ends_on),
});
