import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';

/** One registered student (学籍) as the registration system knows them: by our school and program ids. */
export interface StudentRecord {
  schoolId: string;
  programId: string;
  /** GB/T 2260 code of the city the student's household is registered in. */
  homeCityCode: string;
  year: number;
}

/**
 * A second subgraph as the provincial student-registration system would write it: it adds student
 * counts to our School and Program, and reports students per home city, referring to our City by code.
 */
export const registrationTypeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

  type School @key(fields: "id") {
    id: ID!
    registeredStudents(year: Int!): Int!
  }

  type Program @key(fields: "id") {
    id: ID!
    registeredStudents(year: Int!): Int!
  }

  type City @key(fields: "code", resolvable: false) {
    code: String!
  }

  type HomeCityCount {
    city: City!
    students: Int!
  }

  type Query {
    studentsByHomeCity(year: Int!): [HomeCityCount!]!
  }
`);

function resolvers(students: StudentRecord[]) {
  const count = (match: (s: StudentRecord) => boolean) => students.filter(match).length;
  return {
    School: {
      __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
      registeredStudents: (school: { id: string }, { year }: { year: number }) => count((s) => s.schoolId === school.id && s.year === year),
    },
    Program: {
      __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
      registeredStudents: (program: { id: string }, { year }: { year: number }) => count((s) => s.programId === program.id && s.year === year),
    },
    Query: {
      studentsByHomeCity: (_: unknown, { year }: { year: number }) => {
        const codes = [...new Set(students.filter((s) => s.year === year).map((s) => s.homeCityCode))].sort();
        return codes.map((code) => ({ city: { code }, students: count((s) => s.homeCityCode === code && s.year === year) }));
      },
    },
  };
}

export interface RunningSubgraph {
  url: string;
  stop(): Promise<void>;
}

/** Serves the registration subgraph over HTTP on a loopback port. */
export async function startRegistrationSubgraph(students: StudentRecord[]): Promise<RunningSubgraph> {
  const server = new ApolloServer({ schema: buildSubgraphSchema({ typeDefs: registrationTypeDefs, resolvers: resolvers(students) as never }) });
  const { url } = await startStandaloneServer(server, { listen: { host: '127.0.0.1', port: 0 } });
  return { url, stop: () => server.stop() };
}
