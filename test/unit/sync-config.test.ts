import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { resolveApiUrl } from '../../src/lib/sync/api-url.ts';
import { parseConfig } from '../../src/lib/sync/config.ts';
import { SyncError } from '../../src/lib/sync/errors.ts';

const MINIMAL = `sources:
  - repo: acme/ml-platform
  - repo: acme/security-risks
    labels: [risk, threat]
`;

function configError(text: string): string {
  try {
    parseConfig(text, 'sources.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(SyncError);
    return (error as Error).message;
  }
  throw new Error('expected the config to be rejected');
}

describe('sources.yaml', () => {
  it('accepts the minimal example from the README as written, filling in every default', () => {
    const config = parseConfig(MINIMAL, 'sources.yaml');
    expect(config.sources).toEqual([
      { repo: 'acme/ml-platform', labels: ['risk', 'threat'], includePrivate: false, includeArchived: false },
      {
        repo: 'acme/security-risks',
        labels: ['risk', 'threat'],
        includePrivate: false,
        includeArchived: false,
      },
    ]);
    expect(config).toMatchObject({
      body: 'full',
      staleAfterDays: 30,
      cadenceDays: 14,
      maxAgeHours: 48,
      retentionDays: 90,
    });
    expect(config.conventions).toEqual({
      owner: 'owner:',
      severity: 'severity:',
      phase: 'phase:',
      taxonomy: { atlas: 'atlas:', 'owasp-ml': 'owasp-ml:', 'owasp-llm': 'owasp-llm:', nist: 'nist:' },
      regulation: 'reg:',
    });
    expect(config.network).toEqual({
      timeoutMs: 30_000,
      retries: 3,
      retryBaseMs: 1000,
      maxRateLimitWaitSeconds: 300,
      minIntervalMs: 100,
      searchesPerRequest: 5,
    });
  });

  it('accepts the committed content/board/sources.yaml', async () => {
    const text = await readFile(new URL('../../content/board/sources.yaml', import.meta.url), 'utf8');
    expect(
      parseConfig(text, 'content/board/sources.yaml').sources.map((s) => ('repo' in s ? s.repo : s.org)),
    ).toEqual(['acme/ml-platform', 'acme/security-risks']);
  });

  it('names the field and the problem for a malformed repository', () => {
    expect(configError('sources:\n  - repo: acme\n')).toMatch(
      /repo must be written owner\/name[\s\S]*sources\[0\]\.repo/,
    );
  });

  it('reports a misspelt key instead of ignoring it', () => {
    expect(configError('sources:\n  - repo: acme/x\n    lables: [risk]\n')).toMatch(/lables/);
    expect(configError('sources: [{ repo: acme/x }]\nbodyMode: full\n')).toMatch(/bodyMode/);
  });

  it('rejects an empty source list, a repeated repository and an unknown body mode', () => {
    expect(configError('sources: []\n')).toMatch(/at least one source/);
    expect(configError('sources:\n  - repo: acme/x\n  - repo: ACME/x\n')).toMatch(/ACME\/x is listed twice/);
    expect(configError('sources: [{ repo: acme/x }]\nbody: html\n')).toMatch(/body/);
  });

  it('takes a retention window of whole days, at least one', () => {
    expect(
      parseConfig('sources: [{ repo: acme/x }]\nretentionDays: 30\n', 'sources.yaml').retentionDays,
    ).toBe(30);
    expect(configError('sources: [{ repo: acme/x }]\nretentionDays: 0\n')).toMatch(/retentionDays/);
    expect(configError('sources: [{ repo: acme/x }]\nretentionDays: 1.5\n')).toMatch(/retentionDays/);
  });

  it('reports YAML syntax errors with their position', () => {
    expect(configError('sources:\n  - repo: [acme/x\n')).toMatch(/not valid YAML[\s\S]*line/i);
  });
});

describe('GITHUB_API_URL', () => {
  it('defaults to github.com', () => {
    expect(resolveApiUrl(undefined)).toEqual({
      apiUrl: 'https://api.github.com',
      graphqlUrl: 'https://api.github.com/graphql',
      webUrl: 'https://github.com',
    });
    expect(resolveApiUrl('')).toEqual(resolveApiUrl(undefined));
  });

  it('maps a GitHub Enterprise Server root to its /api/graphql endpoint, trailing slash or not', () => {
    for (const raw of ['https://ghe.example.com/api/v3', 'https://ghe.example.com/api/v3/']) {
      expect(resolveApiUrl(raw)).toEqual({
        apiUrl: 'https://ghe.example.com/api/v3',
        graphqlUrl: 'https://ghe.example.com/api/graphql',
        webUrl: 'https://ghe.example.com',
      });
    }
  });

  it('refuses plain http except on loopback, and URLs with credentials', () => {
    expect(() => resolveApiUrl('http://ghe.example.com/api/v3')).toThrow(/must use https/);
    expect(resolveApiUrl('http://127.0.0.1:8080').graphqlUrl).toBe('http://127.0.0.1:8080/graphql');
    expect(() => resolveApiUrl('https://user:secret@ghe.example.com/api/v3')).toThrow(
      /must not carry credentials/,
    );
    expect(() => resolveApiUrl('ghe.example.com')).toThrow(/is not a URL/);
  });

  it('builds issue links from GITHUB_SERVER_URL, or from the API root when it is unset', () => {
    expect(resolveApiUrl('http://127.0.0.1:8080').webUrl).toBe('https://github.com');
    expect(resolveApiUrl('http://127.0.0.1:8080', 'https://ghe.example.com').webUrl).toBe(
      'https://ghe.example.com',
    );
    expect(() => resolveApiUrl(undefined, 'http://ghe.example.com')).toThrow(/GITHUB_SERVER_URL must be/);
    expect(() => resolveApiUrl(undefined, 'https://ghe.example.com/evil')).toThrow(/no path/);
    expect(() => resolveApiUrl('https://proxy.example.com/github')).toThrow(/set GITHUB_SERVER_URL/);
  });
});
