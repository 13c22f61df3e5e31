export const appChannels = ['app.info', 'app.setLocale', 'demo.load', 'files.showInFolder', 'app.reportError'] as const;
