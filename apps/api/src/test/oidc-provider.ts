// A real OpenID provider (oidc-provider) in the test process, with one client and the accounts a test
// gives it, plus a stand-in for the browser that signs in there through its development login form.
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
// @ts-expect-error -- oidc-provider ships no types, and @types/oidc-provider is not a dependency.
import Provider from 'oidc-provider';

export type TestAccount = { email?: string; email_verified?: boolean; name?: string };

type ProviderInstance = { callback(): (req: IncomingMessage, res: ServerResponse) => void };
type ProviderClass = new (issuer: string, configuration: Record<string, unknown>) => ProviderInstance;

export const TEST_CLIENT = { clientId: 'inbreng-test', clientSecret: 'een-geheim-voor-de-test' };

export async function startOidcProvider(options: {
  redirectUri: string;
  accounts: Record<string, TestAccount>;
}) {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new (Provider as ProviderClass)(issuer, {
    clients: [
      {
        client_id: TEST_CLIENT.clientId,
        client_secret: TEST_CLIENT.clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    // A key of its own, so the provider does not sign with its well-known development key.
    jwks: {
      keys: [generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' })],
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // Set, so the provider does not print a notice for each default it falls back on.
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600 },
    // Inbreng must send PKCE even though it is a confidential client.
    pkce: { required: () => true },
    findAccount: (_ctx: unknown, sub: string) => {
      const account = options.accounts[sub];
      return account && { accountId: sub, claims: () => ({ sub, ...account }) };
    },
  });
  server.on('request', provider.callback());

  return {
    issuer,
    /**
     * Plays the browser from the authorization URL to the redirect back to Inbreng: logs in as
     * `accountId` on the development login form and consents, or aborts there with `abort`.
     * Returns the URL the provider sends the browser to.
     */
    async signIn(authorizationUrl: string, accountId: string, { abort = false } = {}): Promise<URL> {
      const jar = new Map<string, string>();
      let at = authorizationUrl;
      let response = await visit(at, jar);
      for (let step = 0; step < 20; step++) {
        const location = response.headers.get('location');
        if (!location) throw new Error(`The provider answered ${response.status} without a redirect`);
        const next = new URL(location, at);
        at = next.href;
        if (next.href.startsWith(options.redirectUri)) return next;
        if (!next.pathname.startsWith('/interaction/')) {
          response = await visit(next.href, jar);
          continue;
        }
        if (abort) {
          at = `${next.href}/abort`;
          response = await visit(at, jar);
          continue;
        }
        const page = await (await visit(next.href, jar)).text();
        const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
        if (!prompt) throw new Error('The provider showed an interaction page without a prompt');
        response = await visit(
          next.href,
          jar,
          new URLSearchParams({ prompt, login: accountId, password: 'x' }),
        );
      }
      throw new Error('The provider kept redirecting');
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** One request as a browser would make it, with the provider's cookies carried by hand. */
async function visit(url: string, jar: Map<string, string>, form?: URLSearchParams): Promise<Response> {
  const headers: Record<string, string> = {};
  if (jar.size > 0) headers.cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  const response = await fetch(url, {
    method: form ? 'POST' : 'GET',
    headers,
    body: form,
    redirect: 'manual',
  });
  for (const line of response.headers.getSetCookie()) {
    const [pair = '', ...attributes] = line.split(';');
    const [name = '', value = ''] = pair.trim().split(/=(.*)/s);
    const expired = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a));
    if (value === '' || expired) jar.delete(name);
    else jar.set(name, value);
  }
  return response;
}
