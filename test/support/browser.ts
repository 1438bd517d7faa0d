// Tests and benches launch Chromium the way the app does.
export { CHROMIUM, launchChromium } from '../../electron/services/chromium';
