import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';

// The one way to a Chromium, driven by playwright-core: briefing-pack PDFs in browser mode and the CLI, end-to-end
// tests and benches. playwright-core downloads no browser, so a machine with Node alone gets the one inside the npm
// package @sparticuz/chromium, a dependency.

/** Debian's Chromium package. */
const SYSTEM_CHROMIUM = '/usr/bin/chromium';

// The machine's network is closed: Chromium's own background traffic would only fail.
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** A Chromium to try: a binary at a path, an installed Chrome or Edge (playwright-core's channels), or the packaged one. */
export type ChromiumCandidate = { kind: 'path'; path: string; from: 'KARTE_CHROMIUM' | 'system' } | { kind: 'channel'; channel: 'chrome' | 'msedge' } | { kind: 'package' };

/** What the choice depends on: the process's own values, or a test's. */
export interface ChromiumHost {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  arch: string;
  exists: (file: string) => boolean;
}

const THIS_MACHINE: ChromiumHost = { env: process.env, platform: process.platform, arch: process.arch, exists: fs.existsSync };

/**
 * Where Chromium is looked for, in order: KARTE_CHROMIUM alone when it is set; else Debian's chromium; else Chrome,
 * then Edge, where playwright-core finds them installed; else, on Linux x64, the Chromium inside @sparticuz/chromium
 * (its builds exist for Linux x64 and arm64 only, and this package holds the x64 one).
 */
export function chromiumCandidates(host: ChromiumHost): ChromiumCandidate[] {
  const chosen = host.env.KARTE_CHROMIUM;
  if (chosen) return [{ kind: 'path', path: chosen, from: 'KARTE_CHROMIUM' }];
  const candidates: ChromiumCandidate[] = [];
  if (host.platform === 'linux' && host.exists(SYSTEM_CHROMIUM)) candidates.push({ kind: 'path', path: SYSTEM_CHROMIUM, from: 'system' });
  if (['linux', 'darwin', 'win32'].includes(host.platform)) candidates.push({ kind: 'channel', channel: 'chrome' }, { kind: 'channel', channel: 'msedge' });
  if (host.platform === 'linux' && host.arch === 'x64') candidates.push({ kind: 'package' });
  return candidates;
}

/** Launches the first Chromium found (chromiumCandidates) with the app's flags. */
export async function launchChromium(host: ChromiumHost = THIS_MACHINE): Promise<Browser> {
  const tried: string[] = [];
  for (const candidate of chromiumCandidates(host)) {
    if (candidate.kind === 'path') {
      if (!host.exists(candidate.path))
        throw new Error(`Chromium not found at ${candidate.path} (${candidate.from}): set KARTE_CHROMIUM to a Chromium or Chrome binary, or unset it`);
      return chromium.launch({ executablePath: candidate.path, args: ARGS });
    }
    if (candidate.kind === 'package') return chromium.launch({ executablePath: await packagedChromium(), args: ARGS });
    // Whether a channel's browser is installed shows only when it is launched.
    try {
      return await chromium.launch({ channel: candidate.channel, args: ARGS });
    } catch (error) {
      tried.push((error as Error).message.split('\n')[0].replace(/^browserType\.launch: /, ''));
    }
  }
  throw new Error(
    `No Chromium found${tried.length > 0 ? ` (${tried.join('; ')})` : ''}: install Chromium (Debian: apt-get install chromium), Google Chrome or Microsoft Edge, or set KARTE_CHROMIUM to a Chromium binary`,
  );
}

/**
 * The Chromium inside @sparticuz/chromium, unpacked once per version into the user's cache. The package's own
 * executablePath() unpacks it to /tmp/chromium in place, whatever its version, so two processes starting at once (the
 * tests do) could launch a half-written binary: here each unpacks to a file of its own and renames it into place.
 */
async function packagedChromium(): Promise<string> {
  const root = path.resolve(path.dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium')), '../..');
  const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  const cache = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  const target = path.join(cache, 'karte', `sparticuz-chromium-${version}`, 'chromium');
  if (fs.existsSync(target)) return target;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.${process.pid}.partial`;
  try {
    await pipeline(fs.createReadStream(path.join(root, 'bin', 'chromium.br')), zlib.createBrotliDecompress(), fs.createWriteStream(partial, { mode: 0o755 }));
    fs.renameSync(partial, target);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  return target;
}
