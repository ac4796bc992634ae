import { ApolloServer } from '@apollo/server';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { composeServices, type CompositionResult } from '@apollo/composition';
import { parse } from 'graphql';
import type { GraphQLResponse, TestApp } from '../../helpers/test-app.js';

export interface Subgraph {
  name: string;
  url: string;
  /** The gateway's own credential at this subgraph: fetching its SDL (schema loading) and health checks. */
  headers: Record<string, string>;
  /**
   * Whether the user's `authorization` header goes to this subgraph with every part of the user's
   * operations, in place of `headers`. Ours: it applies the user's scope as if called directly.
   */
  forwardsIdentity?: boolean;
}

/**
 * Our server as a subgraph, called the way a production gateway calls it: its schema loaded and its
 * health checked with the long-lived token of a SERVICE account that a province admin issued
 * (read-only, province-wide); users' operations with the user's own bearer token.
 */
export async function enrollmentSubgraph(t: TestApp, username = 'gateway'): Promise<Subgraph> {
  const { createUser } = await t.ok<{ createUser: { id: string } }>(`mutation($username: String!) { createUser(username: $username, role: SERVICE) { id } }`, {
    username,
  });
  const { issueServiceToken } = await t.ok<{ issueServiceToken: { token: string } }>(
    `mutation($id: ID!) { issueServiceToken(userId: $id, days: 30) { token } }`,
    { id: createUser.id },
  );
  return { name: 'enrollment', url: t.url, headers: { authorization: `Bearer ${issueServiceToken.token}` }, forwardsIdentity: true };
}

/** The SDL a subgraph serves, fetched the way a router or `rover` fetches it. */
export async function fetchServiceSdl(subgraph: Subgraph): Promise<string> {
  const response = await fetch(subgraph.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...subgraph.headers },
    body: JSON.stringify({ query: '{ _service { sdl } }' }),
  });
  const body = (await response.json()) as GraphQLResponse<{ _service: { sdl: string } }>;
  if (!body.data) throw new Error(`${subgraph.name} did not serve its SDL: ${JSON.stringify(body.errors)}`);
  return body.data._service.sdl;
}

export async function composeSubgraphs(subgraphs: Subgraph[]): Promise<CompositionResult> {
  const services = await Promise.all(
    subgraphs.map(async (subgraph) => ({ name: subgraph.name, url: subgraph.url, typeDefs: parse(await fetchServiceSdl(subgraph)) })),
  );
  return composeServices(services);
}

/** What the gateway knows of the user behind an operation: the header the user sent it. */
export interface UserContext {
  authorization?: string;
}

export interface Gateway {
  /** An operation sent to the gateway by a user with these headers (none: anonymous). */
  run<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, user?: Record<string, string>): Promise<GraphQLResponse<T>>;
  /** The gateway's health check of every subgraph; rejects when one does not answer. */
  checkHealth(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * An in-process @apollo/gateway over the given supergraph, calling each subgraph over HTTP. The one
 * place that decides what the gateway sends a subgraph: for a user's operation the user's own
 * `authorization` where the subgraph takes it (never the service token in its place, so an anonymous
 * user stays anonymous), for the gateway's own requests the subgraph's service headers.
 */
export async function startGateway(supergraphSdl: string, subgraphs: Subgraph[]): Promise<Gateway> {
  const byName = new Map(subgraphs.map((s) => [s.name, s]));
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) =>
      new RemoteGraphQLDataSource<UserContext>({
        url,
        willSendRequest(options) {
          const subgraph = byName.get(name)!;
          const headers = options.request.http!.headers;
          // Only a user's operation has an incoming request; health checks and schema loading do not.
          if (!('incomingRequestContext' in options)) {
            for (const [header, value] of Object.entries(subgraph.headers)) headers.set(header, value);
          } else if (subgraph.forwardsIdentity && options.context.authorization) {
            headers.set('authorization', options.context.authorization);
          }
        },
      }),
  });
  const server = new ApolloServer<UserContext>({ gateway });
  await server.start();
  return {
    async run<T>(query: string, variables?: Record<string, unknown>, user: Record<string, string> = {}) {
      const { body } = await server.executeOperation({ query, variables }, { contextValue: { authorization: user.authorization } });
      if (body.kind !== 'single') throw new Error('the gateway answered with an incremental response');
      return body.singleResult as GraphQLResponse<T>;
    },
    async checkHealth() {
      await gateway.serviceHealthCheck();
    },
    stop: () => server.stop(),
  };
}
