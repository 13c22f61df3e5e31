import { useState } from 'react';

/** What `key` holds in this PC's localStorage, when it is a value `accept` takes; otherwise `fallback`. */
function readStored<T>(key: string, fallback: T, accept: (value: unknown) => value is T): T {
  try {
    const raw = localStorage.getItem(key);
    if (raw === null) return fallback;
    const value: unknown = JSON.parse(raw);
    return accept(value) ? value : fallback;
  } catch {
    return fallback; // storage blocked, or not JSON
  }
}

/**
 * A choice remembered on this PC between sessions (localStorage, as JSON, under `key`): read
 * while the component first renders, so a page opens once with it (a hook that reads it in an
 * effect renders the whole page a second time, and a table with the default page size first).
 * `accept` says what a stored value may be (anything else reads as `fallback`).
 */
export function useStoredState<T>(key: string, fallback: T, accept: (value: unknown) => value is T): [T, (value: T) => void] {
  const [state, setState] = useState(() => ({ key, value: readStored(key, fallback, accept) }));
  if (state.key !== key) setState({ key, value: readStored(key, fallback, accept) });
  const set = (value: T) => {
    try {
      localStorage.setItem(key, JSON.stringify(value));
    } catch {
      // storage blocked: the choice lasts while the page is open
    }
    setState({ key, value });
  };
  return [state.key === key ? state.value : readStored(key, fallback, accept), set];
}

/** A stored list of names (useStoredState's `accept`). */
export const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');

/** A stored whole number (useStoredState's `accept`). */
export const isInteger = (value: unknown): value is number => Number.isInteger(value);
