import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { findInstallation, refreshingTokenCache, sourceOwners } from '../../src/lib/sync/app-auth.ts';
import { readCredentials } from '../../src/lib/sync/credentials.ts';
import { SyncError } from '../../src/lib/sync/errors.ts';
import { createRedactor } from '../../src/lib/sync/redact.ts';
import { sourceSchema } from '../../src/schemas/sources.ts';

const rsa = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
}).privateKey;

const thrown = (run: () => unknown): SyncError => {
  try {
    run();
  } catch (error) {
    if (error instanceof SyncError) return error;
    throw error;
  }
  throw new Error('did not throw');
};

describe('the installation-token cache', () => {
  /** auth-app's stored form: token|createdAt|expiresAt|selection|permissions|file. */
  const entry = (createdAt: number, expiresAt: number) =>
    ['ghs_x', new Date(createdAt).toISOString(), new Date(expiresAt).toISOString(), 'all', 'issues', ''].join(
      '|',
    );

  it('gives an hour-long token back until five minutes before it expires, then asks for a new one', async () => {
    let now = 0;
    const cache = refreshingTokenCache(() => now);
    await cache.set('41', entry(0, 3600_000));
    now = 54 * 60_000;
    expect(await cache.get('41')).toMatch(/^ghs_x\|/);
    now = 55 * 60_000 + 1;
    expect(await cache.get('41')).toBeUndefined();
    // Forgotten, not merely hidden: the next read misses too.
    now = 0;
    expect(await cache.get('41')).toBeUndefined();
    expect(cache.issued).toBe(1);
  });

  it('renews a short-lived token halfway through its life', async () => {
    let now = 0;
    const cache = refreshingTokenCache(() => now);
    await cache.set('41', entry(0, 2000));
    now = 900;
    expect(await cache.get('41')).toBeDefined();
    now = 1000;
    expect(await cache.get('41')).toBeUndefined();
  });

  it('treats an entry without a readable expiry as missing', async () => {
    const cache = refreshingTokenCache(() => 0);
    await cache.set('41', 'ghs_x|2026-12-03T00:00:00Z|soon|all||');
    expect(await cache.get('41')).toBeUndefined();
    expect(await cache.get('nothing')).toBeUndefined();
  });
});

describe('finding the installation', () => {
  const sources = [
    { repo: 'partners/shared-risks' },
    { org: 'acme' },
    { repo: 'Acme/ml-platform' },
    { repo: 'PARTNERS/other' },
  ].map((s) => sourceSchema.parse(s));

  it('takes each owner once, in the order sources.yaml names them', () => {
    expect(sourceOwners(sources)).toEqual(['partners', 'acme']);
    expect(sourceOwners(sources.slice(2))).toEqual(['Acme', 'PARTNERS']);
  });

  it('tries each owner as an organisation, then as a user, and takes the first installation', async () => {
    const asked: string[] = [];
    const request = async (route: string, { owner }: Record<string, string>) => {
      asked.push(route.replace('{owner}', owner!));
      if (route.includes('/users/') && owner === 'acme')
        return { data: { id: 7, account: { login: 'Acme' } } };
      throw Object.assign(new Error('Not Found'), { status: 404 });
    };
    expect(await findInstallation(request, ['partners', 'acme'])).toEqual({ id: 7, account: 'Acme' });
    expect(asked).toEqual([
      'GET /orgs/partners/installation',
      'GET /users/partners/installation',
      'GET /orgs/acme/installation',
      'GET /users/acme/installation',
    ]);
  });

  it('names every owner when none has the App, and passes other failures on', async () => {
    const missing = async () => {
      throw Object.assign(new Error('Not Found'), { status: 404 });
    };
    await expect(findInstallation(missing, ['partners', 'acme'])).rejects.toThrow(
      /GitHub App is not installed on partners, acme/,
    );
    const refused = async () => {
      throw Object.assign(new Error('Bad credentials'), { status: 401 });
    };
    await expect(findInstallation(refused, ['acme'])).rejects.toMatchObject({ status: 401 });
  });
});

describe('reading the credentials', () => {
  it('uses the personal token when no App is configured', () => {
    expect(readCredentials({ GH_TOKEN: 'ghp_0123456789' })).toEqual({
      kind: 'token',
      token: 'ghp_0123456789',
    });
    expect(thrown(() => readCredentials({})).kind).toBe('token-missing');
    expect(thrown(() => readCredentials({ GITHUB_TOKEN: 'ghp_01\n23' })).kind).toBe('token-invalid');
  });

  it('uses the App when GITHUB_APP_ID is set, even beside the token GitHub Actions always sets', () => {
    const credentials = readCredentials({
      GITHUB_TOKEN: 'ghs_actions',
      GITHUB_APP_ID: '918273',
      GITHUB_APP_PRIVATE_KEY: rsa,
      GITHUB_APP_INSTALLATION_ID: '41',
    });
    expect(credentials).toEqual({ kind: 'app', appId: '918273', privateKey: rsa, installationId: 41 });
  });

  it('reads the key with \\n escapes, with Windows line ends, or from a file', () => {
    const escaped = rsa.trim().replaceAll('\n', '\\n');
    const crlf = rsa.replaceAll('\n', '\r\n');
    for (const value of [escaped, crlf]) {
      const credentials = readCredentials({ GITHUB_APP_ID: '1', GITHUB_APP_PRIVATE_KEY: value });
      expect(credentials).toMatchObject({ privateKey: rsa, installationId: null });
    }
    const read: string[] = [];
    const fromFile = readCredentials(
      { GITHUB_APP_ID: 'Iv23liAbc123', GITHUB_APP_PRIVATE_KEY: '/keys/app.pem' },
      (path) => {
        read.push(path);
        return rsa;
      },
    );
    expect(read).toEqual(['/keys/app.pem']);
    expect(fromFile).toMatchObject({ kind: 'app', appId: 'Iv23liAbc123', privateKey: rsa });
  });

  it('refuses wrong settings with messages that name the variable and never quote the key', () => {
    const ec = generateKeyPairSync('ec', {
      namedCurve: 'P-256',
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    }).privateKey;
    const body = rsa.split('\n').slice(1, -2).join('');
    const broken = rsa.replace(/\n[A-Za-z0-9+/]{20}/, '\n');
    const noFile = () => {
      throw Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' });
    };
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ GITHUB_APP_ID: '1' }, /GITHUB_APP_ID is set but GITHUB_APP_PRIVATE_KEY is not/],
      [
        { GITHUB_APP_PRIVATE_KEY: rsa },
        /GITHUB_APP_PRIVATE_KEY or GITHUB_APP_INSTALLATION_ID is set but GITHUB_APP_ID is not/,
      ],
      [{ GITHUB_APP_ID: 'my app', GITHUB_APP_PRIVATE_KEY: rsa }, /GITHUB_APP_ID must be the App ID/],
      [
        { GITHUB_APP_ID: '1', GITHUB_APP_PRIVATE_KEY: rsa, GITHUB_APP_INSTALLATION_ID: 'acme' },
        /GITHUB_APP_INSTALLATION_ID must be digits/,
      ],
      [{ GITHUB_APP_ID: '1', GITHUB_APP_PRIVATE_KEY: ec }, /not the App's RSA private key \(a ec key\)/],
      [
        { GITHUB_APP_ID: '1', GITHUB_APP_PRIVATE_KEY: broken },
        /not the App's RSA private key \(the PEM does not parse\)/,
      ],
      [
        { GITHUB_APP_ID: '1', GITHUB_APP_PRIVATE_KEY: body },
        /neither a PEM key .* \(ENOENT\); the value is not shown/,
      ],
    ];
    for (const [env, message] of cases) {
      const error = thrown(() => readCredentials(env, noFile));
      expect(error.message).toMatch(message);
      expect(error.message).not.toContain(body.slice(0, 30));
    }
  });
});

describe('redacting an App key and its tokens', () => {
  it('hides the key whole, escaped and line by line, but not the PEM armour', () => {
    const redact = createRedactor(rsa);
    const lines = rsa.split('\n').filter((l) => l && !l.startsWith('-----'));
    const printed = redact(
      [
        rsa,
        rsa.replaceAll('\n', '\\n'),
        JSON.stringify(rsa),
        lines[3],
        lines.at(-1),
        'a PEM begins -----BEGIN RSA PRIVATE KEY-----',
      ].join('\n'),
    );
    for (const line of lines) expect(printed).not.toContain(line);
    expect(printed).toContain('-----BEGIN RSA PRIVATE KEY-----');
  });

  it('hides secrets added during the run, such as each installation token', () => {
    const redact = createRedactor();
    expect(redact('token ghs_first')).toBe('token ghs_first');
    redact.add('ghs_first');
    redact.add('ab');
    expect(redact('token ghs_first, ab')).toBe('token [REDACTED], ab');
  });
});
