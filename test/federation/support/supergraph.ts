import { ApolloServer } from '@apollo/server';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { composeServices, type CompositionResult } from '@apollo/composition';
import { parse } from 'graphql';
import type { GraphQLResponse, TestApp } from '../../helpers/test-app.js';

export interface Subgraph {
  name: string;
  url: string;
  /** Sent with every request to this subgraph: SDL fetch and the gateway's query plans. */
  headers: Record<string, string>;
}

/**
 * Our server as a subgraph, called the way a production gateway calls it: with the long-lived token
 * of a SERVICE account that a province admin issued (read-only, province-wide).
 */
export async function enrollmentSubgraph(t: TestApp): Promise<Subgraph> {
  const { createUser } = await t.ok<{ createUser: { id: string } }>(
    `mutation { createUser(username: "gateway", role: SERVICE) { id } }`,
  );
  const { issueServiceToken } = await t.ok<{ issueServiceToken: { token: string } }>(
    `mutation($id: ID!) { issueServiceToken(userId: $id, days: 30) { token } }`,
    { id: createUser.id },
  );
  return { name: 'enrollment', url: t.url, headers: { authorization: `Bearer ${issueServiceToken.token}` } };
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

export interface Gateway {
  run<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

/** An in-process @apollo/gateway over the given supergraph, calling each subgraph over HTTP. */
export async function startGateway(supergraphSdl: string, subgraphs: Subgraph[]): Promise<Gateway> {
  const headersOf = new Map(subgraphs.map((s) => [s.name, s.headers]));
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) =>
      new RemoteGraphQLDataSource({
        url,
        willSendRequest({ request }) {
          for (const [header, value] of Object.entries(headersOf.get(name) ?? {})) request.http!.headers.set(header, value);
        },
      }),
  });
  const server = new ApolloServer({ gateway });
  await server.start();
  return {
    async run<T>(query: string, variables?: Record<string, unknown>) {
      const { body } = await server.executeOperation({ query, variables });
      if (body.kind !== 'single') throw new Error('the gateway answered with an incremental response');
      return body.singleResult as GraphQLResponse<T>;
    },
    stop: () => server.stop(),
  };
}
