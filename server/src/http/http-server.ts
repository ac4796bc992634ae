import http from 'node:http';

/**
 * The HTTP server the app answers on. A client has 30 s to send its whole request, so a slow trickle
 * cannot hold a connection for long. Idle kept-alive connections stay open longer than clients keep
 * theirs (Node's fetch: 4 s; proxies: up to 60 s): the client, not the server, closes an idle one, so
 * a request is never sent on a socket the server is closing (ECONNRESET).
 */
export function createHttpServer(handle?: http.RequestListener): http.Server {
  const server = http.createServer({ requestTimeout: 30_000 }, handle);
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return server;
}
