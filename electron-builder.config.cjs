// electron-builder configuration for `npm run dist` (macOS dmg, Windows nsis, Linux AppImage + deb).
// CommonJS because electron-builder loads it with require().

const { FuseV1Options, FuseVersion } = require('@electron/fuses');

/**
 * Fuses are flipped in the Electron binary itself, after packing and before signing (electron-builder
 * signs right after afterPack). strictlyRequireAllFuses makes an Electron upgrade that adds a fuse fail
 * the build until someone decides its value.
 */
const fuses = {
  version: FuseVersion.V1,
  strictlyRequireAllFuses: true,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/** @type {import('electron-builder').Configuration} */
const config = {
  appId: 'app.leadprep.desktop',
  productName: 'LeadPrep',
  directories: { output: 'dist', buildResources: 'resources' },
  // Only the bundles and the manifest; production node_modules (better-sqlite3, keytar, drizzle-orm,
  // zod, electron-log) are added by electron-builder from package.json dependencies.
  files: ['out/**', 'package.json'],
  asar: true,
  // Native addons cannot be loaded from inside an asar archive.
  asarUnpack: ['**/*.node'],
  // Migrations live outside the asar, where src-main/paths.ts findAssetDir looks (process.resourcesPath).
  extraResources: [{ from: 'drizzle', to: 'drizzle', filter: ['**/*'] }],
  // Rebuilds better-sqlite3 for Electron's ABI inside the package; keytar is N-API and loads as is.
  npmRebuild: true,
  afterPack: async (context) => {
    await context.packager.addElectronFuses(context, fuses);
  },
  mac: {
    category: 'public.app-category.productivity',
    icon: 'resources/icon.icns',
    target: ['dmg'],
    hardenedRuntime: true,
  },
  dmg: { artifactName: '${productName}-${version}-${arch}.${ext}' },
  win: { icon: 'resources/icon.ico', target: ['nsis'] },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
  linux: {
    icon: 'resources/icons',
    target: ['AppImage', 'deb'],
    category: 'Office',
    maintainer: 'LeadPrep',
    synopsis: 'Clean lead lists, generate sequences with MachFive, push to your sending tool.',
  },
  deb: { depends: ['libsecret-1-0'] },
};

module.exports = config;
