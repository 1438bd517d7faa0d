import { describe, expect, it } from 'vitest';
import { chromiumCandidates, launchChromium, type ChromiumHost } from '../../electron/services/chromium';

const DEBIAN = '/usr/bin/chromium';
const CHANNELS = [
  { kind: 'channel', channel: 'chrome' },
  { kind: 'channel', channel: 'msedge' },
];

/** A machine with only the given files installed. */
function host(machine: Partial<ChromiumHost>, installed: string[] = []): ChromiumHost {
  return { env: {}, platform: 'linux', arch: 'x64', exists: (file) => installed.includes(file), ...machine };
}

describe('where Chromium is looked for', () => {
  it('takes KARTE_CHROMIUM alone when it is set, whatever else is installed', () => {
    expect(chromiumCandidates(host({ env: { KARTE_CHROMIUM: '/opt/mine/chrome' } }, [DEBIAN]))).toEqual([{ kind: 'path', path: '/opt/mine/chrome', from: 'KARTE_CHROMIUM' }]);
  });

  it("on Linux x64: Debian's chromium, then Chrome and Edge, then the Chromium inside @sparticuz/chromium", () => {
    expect(chromiumCandidates(host({}, [DEBIAN]))).toEqual([{ kind: 'path', path: DEBIAN, from: 'system' }, ...CHANNELS, { kind: 'package' }]);
    expect(chromiumCandidates(host({}))).toEqual([...CHANNELS, { kind: 'package' }]);
  });

  it('elsewhere Chrome and Edge only: the package holds a Linux x64 build', () => {
    expect(chromiumCandidates(host({ arch: 'arm64' }, [DEBIAN]))).toEqual([{ kind: 'path', path: DEBIAN, from: 'system' }, ...CHANNELS]);
    expect(chromiumCandidates(host({ platform: 'darwin', arch: 'arm64' }, [DEBIAN]))).toEqual(CHANNELS);
    expect(chromiumCandidates(host({ platform: 'win32' }))).toEqual(CHANNELS);
    expect(chromiumCandidates(host({ platform: 'freebsd' }))).toEqual([]);
  });

  it('refuses a KARTE_CHROMIUM that is not there rather than take another', async () => {
    await expect(launchChromium(host({ env: { KARTE_CHROMIUM: '/nowhere/chromium' } }, [DEBIAN]))).rejects.toThrow(
      'Chromium not found at /nowhere/chromium (KARTE_CHROMIUM): set KARTE_CHROMIUM to a Chromium or Chrome binary, or unset it',
    );
  });

  it('names what to install or set when there is no Chromium anywhere', async () => {
    await expect(launchChromium(host({ platform: 'freebsd' }))).rejects.toThrow(
      'No Chromium found: install Chromium (Debian: apt-get install chromium), Google Chrome or Microsoft Edge, or set KARTE_CHROMIUM to a Chromium binary',
    );
  });
});
