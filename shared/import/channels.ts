export const importChannels = ['import.inspect', 'import.dryRun', 'import.run', 'import.template'] as const;
