import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { APP_KEY_MESSAGE, MISSING_TOKEN_MESSAGE, SyncError, TOKEN_WHITESPACE_MESSAGE } from './errors.ts';

/** How the sync signs in: a personal access token, or a GitHub App's installation. */
export type Credentials =
  | { kind: 'token'; token: string }
  | {
      kind: 'app';
      /** The App's ID, or its client ID (GitHub accepts either as the JWT issuer). */
      appId: string;
      /** PEM, with real line breaks. */
      privateKey: string;
      /** Found from the sources' owners when not given. */
      installationId: number | null;
    };

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Reads the sync's credentials from the environment. A GitHub App is used when GITHUB_APP_ID is
 * set (GitHub Actions always sets GITHUB_TOKEN, so the App must win when asked for); otherwise
 * GITHUB_TOKEN, then GH_TOKEN. Throws a SyncError that never quotes a secret.
 */
export function readCredentials(
  env: Env,
  readFile = (path: string) => readFileSync(path, 'utf8'),
): Credentials {
  const rawToken = env['GITHUB_TOKEN'] || env['GH_TOKEN'] || '';
  const rawKey = env['GITHUB_APP_PRIVATE_KEY'] ?? '';
  const appId = (env['GITHUB_APP_ID'] ?? '').trim();
  if (appId === '') {
    if (rawKey.trim() !== '' || (env['GITHUB_APP_INSTALLATION_ID'] ?? '').trim() !== '')
      throw new SyncError(
        'token-invalid',
        "GITHUB_APP_PRIVATE_KEY or GITHUB_APP_INSTALLATION_ID is set but GITHUB_APP_ID is not; set GITHUB_APP_ID to the App ID (or client ID) from the App's settings page",
      );
    const token = rawToken.trim();
    if (!token) throw new SyncError('token-missing', MISSING_TOKEN_MESSAGE);
    if (/\s/.test(token)) throw new SyncError('token-invalid', TOKEN_WHITESPACE_MESSAGE);
    return { kind: 'token', token };
  }
  if (!/^(\d{1,12}|Iv[0-9A-Za-z.]{4,40})$/.test(appId))
    throw new SyncError(
      'token-invalid',
      "GITHUB_APP_ID must be the App ID (digits) or its client ID (Iv…), as shown on the App's settings page",
    );
  const privateKey = readPrivateKey(rawKey, readFile);
  const rawInstallation = (env['GITHUB_APP_INSTALLATION_ID'] ?? '').trim();
  if (rawInstallation !== '' && !/^\d{1,15}$/.test(rawInstallation))
    throw new SyncError(
      'token-invalid',
      "GITHUB_APP_INSTALLATION_ID must be digits (the number at the end of the installation's settings URL), or unset to find it from sources.yaml",
    );
  return {
    kind: 'app',
    appId,
    privateKey,
    installationId: rawInstallation === '' ? null : Number(rawInstallation),
  };
}

/**
 * GITHUB_APP_PRIVATE_KEY holds the PEM itself (with real line breaks, or `\n` escapes as in a
 * one-line secret) or the path to the .pem file GitHub downloaded. Checked here, so a wrong key
 * fails before any request, with a message that does not quote it.
 */
function readPrivateKey(raw: string, readFile: (path: string) => string): string {
  const value = raw.trim();
  if (value === '') throw new SyncError('token-missing', APP_KEY_MESSAGE);
  let pem: string;
  if (value.includes('-----BEGIN')) {
    pem = value.replaceAll('\\n', '\n').replaceAll('\r\n', '\n');
  } else {
    try {
      pem = readFile(value).trim();
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      throw new SyncError(
        'token-invalid',
        `GITHUB_APP_PRIVATE_KEY is neither a PEM key ("-----BEGIN RSA PRIVATE KEY-----" …) nor the path of a readable file (${typeof code === 'string' ? code : 'unreadable'}); the value is not shown`,
      );
    }
  }
  try {
    const key = createPrivateKey(pem);
    if (key.asymmetricKeyType !== 'rsa') throw new Error(`a ${key.asymmetricKeyType} key`);
  } catch (error) {
    throw new SyncError(
      'token-invalid',
      `GITHUB_APP_PRIVATE_KEY is not the App's RSA private key (${error instanceof Error && /^a \w+ key$/.test(error.message) ? error.message : 'the PEM does not parse'}); download a new key from the App's settings page (Private keys → Generate a private key) and pass the whole .pem, or its path`,
    );
  }
  return `${pem}\n`;
}
