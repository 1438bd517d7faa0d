import { buildIfStale } from '../../bin/cli/app';

/** The end-to-end tests load the built renderer: build it once, before any test file runs, if it is out of date. */
export default async function setup(): Promise<void> {
  await buildIfStale({ out: () => {}, err: (text) => process.stderr.write(`${text}\n`), stderrIsTty: false }, false);
}
