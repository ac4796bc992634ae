import type { RequestHandler } from 'express';
import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind } from 'graphql';
import { User } from '../modules/user/user.entity.js';
import type { Role } from '../modules/user/role.js';
import { currentActor, runAs, type Actor } from './actor.js';
import type { TokenService } from './tokens.js';
import { unauthenticated } from './scope.js';

/** The user behind a bearer token, if the token is valid and the user active and not logged out since. */
async function actorFor(orm: MikroORM, tokens: TokenService, header: string | undefined): Promise<Actor | null> {
  const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!token) return null;
  const subject = await tokens.verify(token);
  if (!subject) return null;
  // Every request asks this, so it reads five columns rather than a managed User entity.
  const user = (await (orm.em.fork() as SqlEntityManager)
    .createQueryBuilder(User)
    .select(['id', 'username', 'role', 'city', 'school', 'tokenVersion'])
    .where({ id: subject.userId, active: true })
    .execute('get')) as { id: number; username: string; role: Role; city: number | null; school: number | null; tokenVersion: number } | undefined;
  if (!user || user.tokenVersion !== subject.tokenVersion) return null;
  return { userId: user.id, username: user.username, role: user.role, cityId: user.city ?? null, schoolId: user.school ?? null };
}

/** Runs the rest of the request as the token's user (or as nobody). Must come after the body parser. */
export function authenticate(orm: MikroORM, tokens: TokenService): RequestHandler {
  return (req, _res, next) => {
    actorFor(orm, tokens, req.headers.authorization).then((actor) => runAs(actor, next), next);
  };
}

/** Anonymous requests may only sign in. */
export const requireSignIn: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation }) {
        if (currentActor() !== null) return;
        const onlyLogin =
          operation?.operation === 'mutation' &&
          operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && (s.name.value === 'login' || s.name.value === '__typename'));
        if (!onlyLogin) throw unauthenticated();
      },
    };
  },
};
