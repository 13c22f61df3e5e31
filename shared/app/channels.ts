export const appChannels = ['app.info', 'app.setLocale', 'demo.load', 'dashboard.summary', 'files.showInFolder'] as const;
