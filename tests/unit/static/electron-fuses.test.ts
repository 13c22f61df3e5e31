import fs from 'node:fs';
import path from 'node:path';
import { FuseV1Options } from '@electron/fuses';
import { PlatformPackager } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { describe, expect, it } from 'vitest';

/**
 * Electron's fuses (the last item of Electron's security checklist), flipped by
 * electron-builder in the packaged ArteINPE.exe. The configuration is read as
 * electron-builder reads it (getConfig, its own schema validation: a misspelt option is an
 * error), then turned into the very @electron/fuses configuration electron-builder writes
 * into the binary (PlatformPackager.generateFuseConfig), so the test fails when a fuse is
 * missing, misnamed or set the wrong way.
 */
const root = path.resolve(__dirname, '../../..');

/** electron-builder.yml as electron-builder reads it, validated by its own schema (a misspelt option throws). */
async function builderConfig() {
  const config = await getConfig(root, path.join(root, 'electron-builder.yml'), null);
  await validateConfiguration(config, { isEnabled: false, add: () => undefined } as never);
  return { config };
}

describe('the Electron fuses of the Windows installer', () => {
  it('are set in electron-builder.yml with option names electron-builder accepts', async () => {
    const { config } = await builderConfig();
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    // The code is packed in app.asar (the default): the integrity fuses have something to check.
    expect(config.asar).not.toBe(false);
  });

  it('a misspelt fuse is refused by electron-builder’s own schema (the check above means something)', async () => {
    const { config } = await builderConfig();
    const wrong = { ...config, electronFuses: { ...config.electronFuses, runAsnode: false } };
    await expect(validateConfiguration(wrong, { isEnabled: false, add: () => undefined } as never)).rejects.toThrow(
      /configuration\.electronFuses/,
    );
  });

  it('become the @electron/fuses wires electron-builder flips in the binary: no Node mode, no NODE_OPTIONS, no --inspect, encrypted cookies, asar only and checked', async () => {
    const { config } = await builderConfig();
    const fuses = (await (
      PlatformPackager.prototype as unknown as { generateFuseConfig(f: unknown): Promise<Record<number, boolean>> }
    ).generateFuseConfig.call({}, config.electronFuses)) as Record<number, boolean>;
    expect(fuses[FuseV1Options.RunAsNode]).toBe(false);
    expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(fuses[FuseV1Options.EnableCookieEncryption]).toBe(true);
    expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(fuses[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
  });
});

describe('the Windows notifications of the installed app', () => {
  it('name the app by the id its installer gives the Start menu shortcut (electron-builder’s appId), or Windows shows none', async () => {
    const { config } = await builderConfig();
    const main = fs.readFileSync(path.join(root, 'electron/main/index.ts'), 'utf8');
    expect(main).toContain(`app.setAppUserModelId('${config.appId}')`);
  });
});
