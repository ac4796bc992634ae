import type { IncomingMessage } from 'node:http';

/**
 * The address of the client behind a request. With `trustedProxies` = 0 (TRUST_PROXY unset) that is
 * the socket's peer, whatever X-Forwarded-For says. With N trusted proxies in front of the server,
 * the Nth address from the right of X-Forwarded-For plus the peer: entries further left were written
 * by the client and prove nothing.
 */
export function clientAddress(req: IncomingMessage, trustedProxies: number): string {
  const peer = req.socket.remoteAddress ?? '';
  if (trustedProxies === 0) return peer;
  const forwarded = req.headers['x-forwarded-for'];
  const hops = [
    ...(typeof forwarded === 'string' ? forwarded.split(',') : (forwarded ?? []).flatMap((h) => h.split(','))).map((h) => h.trim()).filter(Boolean),
    peer,
  ];
  return hops[Math.max(0, hops.length - 1 - trustedProxies)]!;
}
