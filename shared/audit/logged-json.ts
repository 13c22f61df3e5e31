/** How the audit log's before/after texts read back, for main's export and the renderer's viewer alike. */

/** A logged record: the JSON text parsed; undefined when nothing was logged; the text itself when it is not JSON. */
export function parseLogged(s: string | null): unknown {
  if (s === null) return undefined;
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return s;
  }
}

/** Whether a parsed value is a record (an object with fields, not an array), whose fields can be compared one by one. */
export const isLoggedRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
