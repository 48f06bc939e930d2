// Which address a request came from. Behind the hall's reverse proxy every phone would otherwise
// share the proxy's address (and its rate limits); the proxy's X-Forwarded-For is believed only
// when the connection comes from a proxy the center was told to trust, and only up to the first
// address that is not one of them (anything further left is what the client claimed).

/** `::ffff:10.0.0.5` and `10.0.0.5` are the same client. */
const plain = (a: string): string => {
  const t = a.trim();
  return t.startsWith('::ffff:') && t.includes('.') ? t.slice(7) : t;
};

export function clientAddress(remote: string | undefined, forwardedFor: string | string[] | undefined, trustedProxies: ReadonlySet<string>): string {
  const peer = remote ? plain(remote) : 'unknown';
  if (!trustedProxies.has(peer) || forwardedFor === undefined) return peer;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor).split(',').map(plain).filter((h) => h !== '');
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i] as string;
    if (!trustedProxies.has(hop)) return hop;
  }
  return hops[0] ?? peer;
}

/** `HALLKIT_TRUSTED_PROXIES=127.0.0.1,10.0.0.5` → the set, normalised like the addresses it is checked against. */
export function trustedProxySet(list: readonly string[]): ReadonlySet<string> {
  return new Set(list.map(plain).filter((a) => a !== ''));
}
