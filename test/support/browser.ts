// Tests and benches launch Chromium the way the app does.
export { launchChromium } from '../../electron/services/chromium';
