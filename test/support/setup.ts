import { afterEach } from 'vitest';

// Component tests (jsdom) unmount what they rendered after each test; node tests have nothing to clean.
if (typeof window !== 'undefined') {
  const { cleanup } = await import('@testing-library/react');
  afterEach(cleanup);
}
