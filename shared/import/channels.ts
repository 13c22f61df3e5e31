export const importChannels = ['import.inspect', 'import.dryRun', 'import.run'] as const;
