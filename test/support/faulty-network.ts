import http from 'node:http';
import type net from 'node:net';

// A network between sync clients and the server that loses and repeats messages: an HTTP relay on 127.0.0.1 that
// forwards each request to the server, or drops it before it arrives, or drops the answer after the server acted
// on it, or delivers it twice. Which one is up to the test (seeded), so a failing case replays.

export type Fault = 'deliver' | 'drop-request' | 'drop-answer' | 'duplicate';

export interface FaultyNetwork {
  /** http://127.0.0.1:PORT, to sign clients in through. */
  url: string;
  /** Decides the fate of each request from now on. */
  setFaults(next: () => Fault): void;
  stop(): Promise<void>;
}

const HOP_HEADERS = new Set(['host', 'connection', 'content-length', 'keep-alive', 'transfer-encoding']);

async function forward(upstream: string, request: http.IncomingMessage, body: Buffer): Promise<Response> {
  const headers = Object.entries(request.headers).filter(([name]) => !HOP_HEADERS.has(name)) as [string, string][];
  return await fetch(new URL(request.url ?? '/', upstream), { method: request.method, headers, body: request.method === 'GET' ? undefined : new Uint8Array(body) });
}

export async function startFaultyNetwork(upstream: string): Promise<FaultyNetwork> {
  let nextFault: () => Fault = () => 'deliver';
  const sockets = new Set<net.Socket>();
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const fault = nextFault();
      const body = Buffer.concat(chunks);
      void (async () => {
        if (fault === 'drop-request') return request.socket.destroy();
        let answer = await forward(upstream, request, body);
        if (fault === 'duplicate') {
          await answer.arrayBuffer();
          answer = await forward(upstream, request, body);
        }
        const text = Buffer.from(await answer.arrayBuffer());
        if (fault === 'drop-answer') return request.socket.destroy();
        response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
        response.end(text);
      })().catch(() => request.socket.destroy());
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setFaults: (next) => (nextFault = next),
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
