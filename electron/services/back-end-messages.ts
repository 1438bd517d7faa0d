import type { ApiEventName, ApiEvents } from '../../shared/api';
import { errorEnvelope, KarteError, type ErrorEnvelope } from '../../shared/errors';
import type { BackEnd, BackEndListener, BackEndOptions } from './back-end';
import { deliver, type Delivery, type DeliveryRequest } from './delivery';

// The back end in a process of its own, so that a long import, a pack or a sync never blocks the window: the desktop
// app runs it in an Electron utilityProcess and talks to it over a MessagePort; tests stand a Node child process in
// for it. Both ends speak these messages, structured-cloned, over a MessageLink. Errors cross as data.
//
// The host asks for calls and passes the back end its options when it opens; the back end answers each call, tells
// its events, and asks the host to show or print a briefing pack (the host has the windows and the dialogs).

/** What the back end's process is opened with: its options, less what only the host can do. */
export type RemoteBackEndOptions = Omit<BackEndOptions, 'delivery'>;

export type ToBackEnd =
  | { type: 'open'; options: RemoteBackEndOptions }
  | { type: 'call'; id: number; name: string; args: unknown }
  | { type: 'delivered'; id: number; result: unknown }
  | { type: 'undelivered'; id: number; error: ErrorEnvelope }
  | { type: 'close' };

export type FromBackEnd =
  | { type: 'opened'; error: ErrorEnvelope | null }
  | { type: 'result'; id: number; result: unknown }
  | { type: 'failed'; id: number; error: ErrorEnvelope }
  | { type: 'event'; event: ApiEventName; payload: unknown }
  | { type: 'deliver'; id: number; request: DeliveryRequest }
  | { type: 'closed' };

/** One end of a two-way channel of structured-cloned messages (a MessagePort, a child process's IPC). */
export interface MessageLink<Out, In> {
  send(message: Out): void;
  onMessage(listener: (message: In) => void): void;
}

/**
 * Requests one end sent and the other has yet to answer, by id: both ends ask (the host its calls, the back end its
 * pack deliveries), and each answer settles its request once.
 */
export class AwaitedAnswers {
  private lastId = 0;
  private readonly waiting = new Map<number, { resolve: (result: unknown) => void; reject: (error: unknown) => void }>();

  /** Sends a request under a new id; resolves with its answer's result, rejects with its error. */
  ask(send: (id: number) => void): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const id = ++this.lastId;
      this.waiting.set(id, { resolve, reject });
      send(id);
    });
  }

  answer(message: { id: number; result: unknown } | { id: number; error: ErrorEnvelope }): void {
    const waiting = this.waiting.get(message.id);
    this.waiting.delete(message.id);
    if ('error' in message) waiting?.reject(KarteError.of(message.error));
    else waiting?.resolve(message.result);
  }

  /** No answer will come (the other end is gone): every request still waiting fails with `error`. */
  rejectAll(error: unknown): void {
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }
}

/** The back end's process as the host holds it. */
export interface BackEndChild extends MessageLink<ToBackEnd, FromBackEnd> {
  /** Called once when the process ends, however it ends. */
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

/** The back end in its process, from the host: the same BackEnd, plus the news that the process stopped. */
export interface RemoteBackEnd extends BackEnd {
  /** Called when the process ended without being asked to: a crash, or killed. */
  onStopped(listener: (code: number | null) => void): void;
}

/** What stopped calls and a stopped process answer: the UI says the back end stopped and offers to restart it. */
function stoppedError(code: number | null): KarteError {
  return new KarteError('back_end_stopped', `the back end's process stopped (exit code ${code ?? 'none, killed'})`);
}

/**
 * Opens the back end in `child` with `options`; `delivery` is how this host shows packs and hands over files. Resolves
 * once the process has opened it; rejects with the reason when it cannot (a wrong key), and the process ends.
 */
export function remoteBackEnd(child: BackEndChild, options: RemoteBackEndOptions, delivery?: Delivery): Promise<RemoteBackEnd> {
  const calls = new AwaitedAnswers();
  const listeners = new Set<BackEndListener>();
  const stoppedListeners = new Set<(code: number | null) => void>();
  let exited: { code: number | null } | null = null;
  let closing: Promise<void> | null = null;
  let opened: (error: ErrorEnvelope | null) => void = () => undefined;
  let closed: () => void = () => undefined;

  child.onExit((code) => {
    exited = { code };
    calls.rejectAll(stoppedError(code));
    opened({ code: 'back_end_stopped', message: stoppedError(code).message, details: {} });
    closed();
    if (!closing) for (const listener of stoppedListeners) listener(code);
  });

  const answerDelivery = (id: number, request: DeliveryRequest) => {
    const run = delivery ? deliver(delivery, request) : Promise.reject(new KarteError('delivery_unavailable', 'briefing packs cannot be previewed or exported here'));
    run.then(
      (result) => child.send({ type: 'delivered', id, result }),
      (error: unknown) => child.send({ type: 'undelivered', id, error: errorEnvelope(error) }),
    );
  };

  child.onMessage((message) => {
    switch (message.type) {
      case 'opened':
        opened(message.error);
        return;
      case 'result':
      case 'failed':
        calls.answer(message);
        return;
      case 'event':
        for (const listener of listeners) listener(message.event, message.payload as ApiEvents[typeof message.event]);
        return;
      case 'deliver':
        answerDelivery(message.id, message.request);
        return;
      case 'closed':
        closed();
        return;
    }
  });

  const backEnd: RemoteBackEnd = {
    call: (name, args) => (exited ? Promise.reject(stoppedError(exited.code)) : calls.ask((id) => child.send({ type: 'call', id, name, args }))),
    on: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onStopped: (listener) => void stoppedListeners.add(listener),
    close: () =>
      (closing ??= exited
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            closed = resolve;
            child.send({ type: 'close' });
          })),
  };
  return new Promise((resolve, reject) => {
    opened = (error) => {
      opened = () => undefined;
      if (error === null) {
        resolve(backEnd);
        return;
      }
      reject(KarteError.of(error));
      void backEnd.close();
    };
    child.send({ type: 'open', options });
  });
}
