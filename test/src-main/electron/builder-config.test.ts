import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const config = require(resolve(__dirname, '../../../electron-builder.config.cjs')) as {
  files: string[];
  asar: boolean;
  asarUnpack: string[];
  extraResources: Array<{ from: string; to: string }>;
  npmRebuild: boolean;
  afterPack: (context: unknown) => Promise<void>;
  mac: { target: string[] };
  win: { target: string[] };
  linux: { target: string[] };
};

describe('electron-builder config', () => {
  it('packs only the built bundles into an asar, with native addons unpacked and migrations beside it', () => {
    expect(config.files).toEqual(['out/**', 'package.json']);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.extraResources).toContainEqual(expect.objectContaining({ from: 'drizzle', to: 'drizzle' }));
    expect(config.npmRebuild).toBe(true);
    expect([config.mac.target, config.win.target, config.linux.target]).toEqual([
      ['dmg'],
      ['nsis'],
      ['AppImage', 'deb'],
    ]);
  });

  it('flips the security fuses on the packaged binary', async () => {
    let flipped: Record<string | number, unknown> | undefined;
    const context = {
      packager: {
        addElectronFuses: async (_ctx: unknown, fuses: Record<string, unknown>) => void (flipped = fuses),
      },
    };
    await config.afterPack(context);
    expect(flipped).toMatchObject({
      version: FuseVersion.V1,
      strictlyRequireAllFuses: true,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
  });
});
