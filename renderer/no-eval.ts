import { z } from 'zod';

// zod compiles faster parsers with new Function() where eval is allowed, and finds out by trying once, as the first
// object schema is built. The app's Content-Security-Policy forbids eval, so that try only files a violation report:
// zod is told not to try. Imported before anything that builds a schema (main.tsx).
z.config({ jitless: true });
