import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import crypto from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApiEventName, ApiEvents, Handover } from '../../shared/api';
import { errorEnvelope, type ErrorCode } from '../../shared/errors';
import type { BackEnd } from './back-end';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';
import { writeDocumentPdf } from './pack/export-pack';
import { closePackBrowser } from './pack/render-pdf';
import { notoSansJpFontFaceCss, scriptFontFaceCss } from './pack/font-face';
import { SCRIPT_FONT_FAMILIES } from '../../shared/print/scripts';
import {
  documentFileName,
  FILE_TYPES,
  fontFaceRules,
  PACK_FONT_FAMILY,
  PACK_PREVIEW_PATH,
  PACK_PREVIEW_POLICY,
  PackPreviews,
  previewHtml,
  type Delivery,
  type DocumentFonts,
} from './delivery';

// Browser mode: the same renderer and back end as the desktop app, with the typed API over HTTP on loopback.
// Every API request carries the run's random token, and only the loopback host names are served (DNS rebinding).

export interface BrowserModeOptions {
  /** Built renderer (index.html and assets); null serves the API alone. */
  staticDir: string | null;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Defaults to a fresh random token for this run. */
  token?: string;
}

export interface BrowserMode {
  url: string;
  /** The URL to open: carries the token in its fragment, which browsers never send to the server. */
  openUrl: string;
  token: string;
  /** Stops serving, then closes the back end it serves. */
  close: () => Promise<void>;
  app: FastifyInstance;
}

/** The HTTP status of a failed call: the request's fault (4xx) or Karte's (500). */
function statusOf(code: ErrorCode): number {
  if (code === 'unknown_method' || code === 'invalid_arguments') return 400;
  if (code === 'not_found') return 404;
  return code === 'internal' ? 500 : 422;
}

const MAX_BODY = 64 * 1024 * 1024;

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

const FONT_TYPES: Readonly<Record<string, string>> = { '.woff2': 'font/woff2', '.woff': 'font/woff' };

/** An exported pack or file waits this long for the browser to fetch it. */
const DOWNLOAD_LIFETIME_MS = 10 * 60_000;

function bearerToken(authorization: string | undefined): string | undefined {
  return authorization?.startsWith('Bearer ') ? authorization.slice(7) : undefined;
}

/** Content-Disposition for a download: an ASCII stand-in name, then the exact name (RFC 6266). */
function attachment(fileName: string): string {
  return `attachment; filename="${fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * Serves the back end `open` opens with this host's delivery. Briefing packs are previewed at /pack-preview/ID (the
 * random id is the key); exported packs and made files (Excel, CSV) are one-time downloads at /api/download/ID (with
 * the token).
 */
export async function startBrowserMode(open: (delivery: Delivery) => BackEnd, options: BrowserModeOptions): Promise<BrowserMode> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  const app = Fastify({ bodyLimit: MAX_BODY, logger: false });
  const listeners = new Set<FastifyReply>();
  const emit = <E extends ApiEventName>(event: E, payload: ApiEvents[E]) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const reply of listeners) reply.raw.write(frame);
  };
  const previews = new PackPreviews();
  // The preview's fonts: the @fontsource files the printed pack uses, served beside the preview by name, those only
  // (a script's, once a preview has needed them).
  const fontFiles = new Map<string, string>();
  const served = (url: string) => {
    const file = fileURLToPath(url);
    fontFiles.set(path.basename(file), file);
    return `fonts/${path.basename(file)}`;
  };
  const previewFonts: DocumentFonts = {
    fontFaceCss: fontFaceRules(notoSansJpFontFaceCss(), PACK_FONT_FAMILY, served),
    scriptFontFaceCss: (script) => fontFaceRules(scriptFontFaceCss(script), SCRIPT_FONT_FAMILIES[script], served),
  };
  const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'karte-packs-'));
  // Exported packs and made files by one-time id, until fetched or expired; the id is unguessable and the fetch needs the token too.
  const downloads = new Map<string, { file: string; fileName: string; expiry: NodeJS.Timeout }>();
  const forget = (id: string) => {
    const download = downloads.get(id);
    if (!download) return;
    clearTimeout(download.expiry);
    downloads.delete(id);
    fs.rmSync(download.file, { force: true });
  };
  /** Keeps `file` for one download under `fileName`; the answer tells the app where to fetch it. */
  const offer = (id: string, file: string, fileName: string): Handover => {
    downloads.set(id, { file, fileName, expiry: setTimeout(() => forget(id), DOWNLOAD_LIFETIME_MS).unref() });
    return { outcome: 'download', url: `/api/download/${id}`, fileName };
  };
  const delivery: Delivery = {
    // A frame cannot send the Authorization header. The preview's unguessable id is what opens it, so the API token
    // never sits in an address.
    preview: async (document) => previews.publish(previewHtml(document, previewFonts)),
    export: async (document) => {
      const id = crypto.randomBytes(18).toString('base64url');
      const file = path.join(packDir, `${id}.pdf`);
      await writeDocumentPdf(document, file);
      return offer(id, file, documentFileName(document));
    },
    file: async (made) => offer(crypto.randomBytes(18).toString('base64url'), made.path, made.fileName),
  };
  const backEnd = open(delivery);
  backEnd.on(emit);
  let allowedHosts: Set<string> = new Set();

  app.addHook('onRequest', async (request, reply) => {
    if (!allowedHosts.has(request.headers.host ?? '')) return reply.code(421).send({ error: { code: 'not_authorized', message: 'unknown host', details: {} } });
    reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    reply.header('Cross-Origin-Resource-Policy', 'same-origin');
  });

  // The token is checked before the body is read: without it no local process gets up to MAX_BODY buffered.
  const withToken = {
    onRequest: async (request: FastifyRequest, reply: FastifyReply) => {
      if (!sameToken(bearerToken(request.headers.authorization), token))
        return reply.code(401).send({ error: { code: 'not_authorized', message: 'missing or wrong token', details: {} } });
    },
  };

  app.post<{ Params: { name: string }; Body: unknown }>('/api/call/:name', withToken, async (request, reply) => {
    try {
      return { result: await backEnd.call(request.params.name, request.body) };
    } catch (error) {
      const envelope = errorEnvelope(error);
      return reply.code(statusOf(envelope.code)).send({ error: envelope });
    }
  });

  app.get<{ Querystring: { token?: string } }>('/api/events', (request, reply) => {
    if (!sameToken(request.query.token, token)) return reply.code(401).send({ error: { code: 'not_authorized', message: 'missing or wrong token', details: {} } });
    // Written past Fastify, so the security headers the request hook set are passed on by hand.
    reply.raw.writeHead(200, { ...(reply.getHeaders() as http.OutgoingHttpHeaders), 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    reply.raw.write(': connected\n\n');
    listeners.add(reply);
    request.raw.on('close', () => listeners.delete(reply));
    return reply;
  });

  app.get<{ Params: { id: string } }>('/api/download/:id', async (request, reply) => {
    if (!sameToken(bearerToken(request.headers.authorization), token))
      return reply.code(401).send({ error: { code: 'not_authorized', message: 'missing or wrong token', details: {} } });
    const download = downloads.get(request.params.id);
    if (!download) return reply.code(404).send({ error: { code: 'not_found', message: 'no such file to download (each is fetched once)', details: {} } });
    const content = await fs.promises.readFile(download.file);
    forget(request.params.id);
    return reply
      .header('Content-Type', FILE_TYPES[path.extname(download.file)].type)
      .header('Content-Disposition', attachment(download.fileName))
      .header('Cache-Control', 'no-store')
      .send(content);
  });

  // The font files are the public @fontsource package's: served without the token, as the app's own assets are.
  app.get<{ Params: { name: string } }>(`${PACK_PREVIEW_PATH}fonts/:name`, async (request, reply) => {
    const file = fontFiles.get(request.params.name);
    if (!file) return reply.code(404).send({ error: { code: 'not_found', message: `no font ${request.params.name}`, details: {} } });
    return reply
      .header('Content-Type', FONT_TYPES[path.extname(file)])
      .header('Cache-Control', 'max-age=86400')
      .send(await fs.promises.readFile(file));
  });

  app.get<{ Params: { id: string } }>(`${PACK_PREVIEW_PATH}:id`, async (request, reply) => {
    const html = previews.document(`${PACK_PREVIEW_PATH}${request.params.id}`);
    if (html === null) return reply.code(404).send({ error: { code: 'not_found', message: 'no such pack preview (only the latest are kept)', details: {} } });
    return reply.header('Content-Security-Policy', PACK_PREVIEW_POLICY).header('Cache-Control', 'no-store').type('text/html; charset=utf-8').send(html);
  });

  if (options.staticDir) {
    const indexHtml = path.join(options.staticDir, 'index.html');
    if (!fs.existsSync(indexHtml)) throw new Error(`the renderer is not built: ${indexHtml} is missing (run npm run build)`);
    await app.register(fastifyStatic, { root: options.staticDir, index: 'index.html', wildcard: false });
    // Client-side routes (/dossier/VN …) load the app, which routes itself.
    app.setNotFoundHandler((request, reply) => {
      if (request.method === 'GET' && !request.url.startsWith('/api/')) return reply.type('text/html').sendFile('index.html');
      return reply.code(404).send({ error: { code: 'not_found', message: `no route ${request.method} ${request.url}`, details: {} } });
    });
  }

  await app.listen({ host, port: options.port ?? 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  allowedHosts = new Set([`${host}:${port}`, `localhost:${port}`, `127.0.0.1:${port}`]);
  const url = `http://${host}:${port}`;
  return {
    url,
    openUrl: `${url}/#token=${token}`,
    token,
    app,
    close: async () => {
      for (const reply of listeners) reply.raw.end();
      listeners.clear();
      await app.close();
      await backEnd.close();
      for (const id of [...downloads.keys()]) forget(id);
      fs.rmSync(packDir, { recursive: true, force: true });
      await closePackBrowser();
    },
  };
}
