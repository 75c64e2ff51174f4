import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileSnapshot } from '../fixtures/hostile/snapshot.ts';
import { readPages } from '../site/dist.ts';
import { makeTempProject, projectRoot, runAstro, type TempProject } from '../../scripts/lib/temp-project.ts';
import { launchChromium, serveDist, type StaticServer } from './browser.ts';

let project: TempProject;
let server: StaticServer;
let browser: Browser;
let routes: string[];

beforeAll(async () => {
  const content = await mkdtemp(join(tmpdir(), 'tandem-hostile-'));
  await cp(join(projectRoot, 'content'), content, { recursive: true });
  await writeFile(join(content, 'board', 'snapshot.json'), JSON.stringify(hostileSnapshot(), null, 2));
  project = await makeTempProject(content);
  await rm(content, { recursive: true, force: true });
  const result = await runAstro(project.root, ['build'], { TANDEM_NOW: '2026-11-25T12:00:00Z' });
  if (result.code !== 0) throw new Error(`hostile build failed:\n${result.output}`);
  const dist = join(project.root, 'dist');
  routes = readPages(dist)
    .map((p) => p.route)
    .filter((r) => r.startsWith('/board/') || r === '/sync/' || /^\/learn\/[^/]+\/[^/]+\/$/.test(r));
  server = await serveDist(dist);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await project?.dispose();
});

describe('a board built from hostile and odd GitHub data', () => {
  it('builds every item page, including odd ones', () => {
    const items = routes.filter((r) => /^\/board\/(evil|odd)\/repo\/\d+\/$/.test(r));
    expect(items).toHaveLength(hostileSnapshot().items!.length);
  });

  it('runs no script and opens no dialog on any board, item, sync or module page', async () => {
    const context = await browser.newContext();
    const incidents: string[] = [];
    const page = await context.newPage();
    page.on('dialog', (d) => {
      incidents.push(`dialog "${d.message()}" on ${page.url()}`);
      void d.dismiss();
    });
    page.on('pageerror', (e) => incidents.push(`page error "${e.message}" on ${page.url()}`));
    page.on('request', (r) => {
      if (!r.url().startsWith(server.origin)) incidents.push(`request to ${r.url()} from ${page.url()}`);
    });
    for (const route of [
      ...routes,
      '/board/?q=script',
      '/board/?owner=unowned&q=risk',
      '/board/?tag=atlas%3AAML.T0051',
    ]) {
      await page.goto(`${server.origin}${route}`, { waitUntil: 'load' });
      await page.waitForTimeout(20);
    }
    expect(incidents).toEqual([]);
    await context.close();
  });

  it('shows hostile titles as text and strips markup from bodies', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.origin}/board/evil/repo/1/`);
    expect(await page.locator('h1').textContent()).toBe('<script>alert(1)</script> risk 1');
    expect(await page.locator('.item-body script, .item-body iframe, .item-body [onerror]').count()).toBe(0);
    await page.goto(`${server.origin}/board/?q=onerror`);
    await expect.poll(() => page.locator('[data-board-status]').textContent()).toMatch(/items match/);
    const titles = await page.locator('.board-card h3').allTextContents();
    expect(titles.some((t) => t.includes('<img src=x onerror='))).toBe(true);
    expect(await page.locator('.board-card img').count()).toBe(0);
    await context.close();
  });

  it('renders odd items sensibly', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.origin}/board/odd/repo/4/`);
    expect(await page.locator('h1').textContent()).toBe('odd/repo#4');
    await page.goto(`${server.origin}/board/odd/repo/1/`);
    expect(await page.locator('.item-meta').textContent()).toContain('by a deleted account');
    expect(await page.locator('#description + p').textContent()).toBe('No description.');
    await context.close();
  });
});
