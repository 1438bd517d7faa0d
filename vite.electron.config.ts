import { builtinModules } from 'node:module';
import path from 'node:path';
import { build, defineConfig, type InlineConfig, type Plugin } from 'vite';

// The desktop app's own code, built into dist/electron beside dist/renderer (vite.config.ts):
//   main.js              the main process, an ES module (the windows, the keys, the IPC);
//   back-end-process.js  the back end (electron/services, shared) for its utility process, an ES module;
//   preload.cjs          CommonJS, one self-contained file: a sandboxed preload can require nothing but 'electron';
//   unlock/              the passphrase page (electron/unlock).
// Four builds, because each needs its own entry or format; the main build runs the others when it finishes.

const ROOT = import.meta.dirname;

/** Loaded at run time, not bundled: Electron itself, the native SQLite module (rebuilt for Electron's ABI), Node's own. */
const RUNTIME_EXTERNALS = ['electron', 'better-sqlite3-multiple-ciphers', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

function nodeBuild(entry: string, outDir: string, format: 'es' | 'cjs', fileName: string): InlineConfig {
  return {
    configFile: false,
    root: ROOT,
    publicDir: false,
    ssr: { noExternal: true },
    resolve: {
      // The package's Node entry requires all of its ~80 locale files by computed names, which a bundle cannot
      // hold; its plain entry is the same library, and shared/reference/countries.ts registers the two locales used.
      alias: [{ find: /^i18n-iso-countries$/, replacement: 'i18n-iso-countries/index.js' }],
    },
    build: {
      ssr: path.join(ROOT, entry),
      outDir,
      emptyOutDir: false,
      target: 'node22',
      minify: false,
      rolldownOptions: { external: RUNTIME_EXTERNALS, output: { format, entryFileNames: fileName } },
    },
  };
}

function unlockPageBuild(outDir: string): InlineConfig {
  return {
    configFile: false,
    root: path.join(ROOT, 'electron/unlock'),
    base: './',
    publicDir: false,
    build: {
      outDir: path.join(outDir, 'unlock'),
      emptyOutDir: true,
      // No inline scripts: the CSP forbids them.
      modulePreload: { polyfill: false },
      assetsInlineLimit: 0,
    },
  };
}

function thenBuild(configs: InlineConfig[]): Plugin {
  let logLevel: InlineConfig['logLevel'];
  return {
    name: 'karte-electron-then-build',
    apply: 'build',
    configResolved: (config) => void (logLevel = config.logLevel),
    async closeBundle() {
      for (const config of configs) await build({ ...config, logLevel });
    },
  };
}

/** Everything of the desktop app built into `outDir` (tests build into a folder of their own). */
export function electronBuild(outDir = path.join(ROOT, 'dist/electron')): InlineConfig {
  const main = nodeBuild('electron/main.ts', outDir, 'es', 'main.js');
  return {
    ...main,
    build: { ...main.build, emptyOutDir: true },
    plugins: [
      thenBuild([
        nodeBuild('electron/back-end-process.ts', outDir, 'es', 'back-end-process.js'),
        nodeBuild('electron/preload.ts', outDir, 'cjs', 'preload.cjs'),
        unlockPageBuild(outDir),
      ]),
    ],
  };
}

export default defineConfig(electronBuild());
