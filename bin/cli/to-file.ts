import { KarteError } from '../../shared/errors';
import { moveMadeFile, type Delivery } from '../../electron/services/delivery';
import { writeDocumentPdf } from '../../electron/services/pack/export-pack';

// How the command line hands over what the back end makes (a briefing pack, an Excel or CSV export): by writing it
// to the file the command was given.

export function toFile(out: string): Delivery {
  return {
    preview: () => Promise.reject(new KarteError('delivery_unavailable', 'the command line writes documents, it shows none')),
    export: async (document) => {
      await writeDocumentPdf(document, out);
      return { outcome: 'saved', file: out };
    },
    file: async (made) => {
      await moveMadeFile(made, out);
      return { outcome: 'saved', file: out };
    },
  };
}
