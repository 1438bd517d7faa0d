import type { Handover } from '../../shared/api';
import { errorEnvelope } from '../../shared/errors';
import { openBackEnd, type BackEnd } from './back-end';
import { AwaitedAnswers, type FromBackEnd, type MessageLink, type ToBackEnd } from './back-end-messages';
import type { Delivery, DeliveryRequest } from './delivery';

// The back end's side of back-end-messages.ts, in the back end's own process. Apart from the host's side, so that
// the desktop app's main process, which opens no store, does not bundle the back end.

/**
 * In the back end's process: opens the back end when the host says (telling why when it cannot), answers calls
 * until the host says close, then calls `closed` (which ends the process).
 */
export function serveBackEnd(link: MessageLink<FromBackEnd, ToBackEnd>, closed: () => void): void {
  let backEnd: BackEnd | null = null;
  const deliveries = new AwaitedAnswers();
  const ask = (request: DeliveryRequest) => deliveries.ask((id) => link.send({ type: 'deliver', id, request }));
  const delivery: Delivery = {
    preview: async (document) => (await ask({ method: 'preview', document })) as string,
    export: async (document) => (await ask({ method: 'export', document })) as Handover,
    file: async (made) => (await ask({ method: 'file', made })) as Handover,
  };

  link.onMessage((message) => {
    switch (message.type) {
      case 'open':
        try {
          backEnd = openBackEnd({ ...message.options, delivery });
          backEnd.on((event, payload) => link.send({ type: 'event', event, payload }));
          link.send({ type: 'opened', error: null });
        } catch (error) {
          link.send({ type: 'opened', error: errorEnvelope(error) });
        }
        return;
      case 'call': {
        const { id } = message;
        if (!backEnd) {
          link.send({ type: 'failed', id, error: { code: 'back_end_stopped', message: 'the back end is not open', details: {} } });
          return;
        }
        backEnd.call(message.name, message.args).then(
          (result) => link.send({ type: 'result', id, result }),
          (error: unknown) => link.send({ type: 'failed', id, error: errorEnvelope(error) }),
        );
        return;
      }
      case 'delivered':
      case 'undelivered':
        deliveries.answer(message);
        return;
      case 'close':
        void (backEnd?.close() ?? Promise.resolve()).finally(() => {
          link.send({ type: 'closed' });
          closed();
        });
        return;
    }
  });
}
