export const importChannels = ['import.inspect', 'import.dryRun', 'import.run', 'import.template', 'import.chooseFolder'] as const;
