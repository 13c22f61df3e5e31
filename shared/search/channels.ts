/** The search's channel: one search box over every register (issue 16, "Buscar cualquier cosa"). */
export const searchChannels = ['search.global'] as const;
