/**
 * Real Chromium for browser tests and scripts: Debian's package through playwright-core (never a
 * downloaded browser), and the built site served over HTTP on a free port.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import sirv from 'sirv';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/lib/chromium/chromium'];

export function chromiumPath(): string {
  const path = process.env['CHROME_PATH'] ?? CANDIDATES.find((p) => existsSync(p));
  if (!path || !existsSync(path)) {
    throw new Error(
      `No Chromium found. Install Debian's package (apt-get install chromium) or set CHROME_PATH. Looked in: ${CANDIDATES.join(', ')}`,
    );
  }
  return path;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    // The closed network refuses Chromium's background services; these keep it quiet and fast.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves dist/ like a static host: directory index files, 404.html for unknown paths. */
export async function serveDist(distDir: string): Promise<StaticServer> {
  const assets = sirv(distDir, { dev: false, etag: true });
  const server: Server = createServer((req, res) =>
    assets(req, res, () => {
      res.statusCode = 404;
      res.end('not found');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
