import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import type { RunningSubgraph } from './registration-subgraph.js';

/** Applications the admissions portal holds for one of our plan lines, known by its natural key. */
export interface ApplicationRecord {
  programId: string;
  year: number;
  season: 'SPRING' | 'AUTUMN';
  applicants: number;
}

/**
 * A third subgraph as a city's admissions portal (招生报名平台) would write it: it refers to our plan
 * lines by their compound key, and computes a field of School from two of our fields it `@requires`
 * (the school's name and its city's code), which the gateway fetches from us first.
 */
export const admissionsTypeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@requires"])

  type School @key(fields: "id") {
    id: ID!
    name: String! @external
    city: City! @external
    "the heading of the school's page on the portal: its name and the city code the portal files it under"
    portalHeading: String! @requires(fields: "name city { code }")
  }

  type City @key(fields: "code", resolvable: false) {
    code: String!
  }

  type Program @key(fields: "id", resolvable: false) {
    id: ID!
  }

  enum Season {
    SPRING
    AUTUMN
  }

  type EnrollmentPlan @key(fields: "program { id } year season", resolvable: false) {
    program: Program!
    year: Int!
    season: Season!
  }

  type Application {
    plan: EnrollmentPlan!
    applicants: Int!
  }

  type Query {
    applications: [Application!]!
    featuredSchools: [School!]!
  }
`);

function resolvers(applications: ApplicationRecord[], featuredSchoolIds: string[]) {
  return {
    School: {
      // With @requires the gateway sends our name and city code along with the key.
      __resolveReference: (ref: { id: string; name?: string; city?: { code: string } }) => ref,
      portalHeading: (school: { name: string; city: { code: string } }) => `${school.name}（${school.city.code}）`,
    },
    Query: {
      applications: () => applications.map((a) => ({ plan: { program: { id: a.programId }, year: a.year, season: a.season }, applicants: a.applicants })),
      featuredSchools: () => featuredSchoolIds.map((id) => ({ id })),
    },
  };
}

/** Serves the admissions subgraph over HTTP on a loopback port. */
export async function startAdmissionsSubgraph(applications: ApplicationRecord[], featuredSchoolIds: string[]): Promise<RunningSubgraph> {
  const server = new ApolloServer({
    schema: buildSubgraphSchema({ typeDefs: admissionsTypeDefs, resolvers: resolvers(applications, featuredSchoolIds) as never }),
  });
  const { url } = await startStandaloneServer(server, { listen: { host: '127.0.0.1', port: 0 } });
  return { url, stop: () => server.stop() };
}
