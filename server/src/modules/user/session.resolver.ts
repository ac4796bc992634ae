import { Arg, Ctx, Field, ID, Info, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../context.js';
import { AppError, badInput } from '../../common/errors.js';
import { parseId } from '../../common/ids.js';
import { User } from './user.entity.js';
import { Role } from '../../auth/role.js';
import { hashOfNobody, mayBePassword, verifyPassword } from '../../auth/passwords.js';
import { LOGIN_THROTTLE, loginThrottle, type ThrottleKeys } from '../../auth/login-throttle.js';
import { fieldCount } from '../../read/selection.js';
import { AuditEntry, AuditAction } from '../audit/audit-entry.entity.js';
import { forbidden, scoped, unauthenticated } from '../../auth/scope.js';
import { userResource } from './user.resource.js';
import type { FilterQuery } from '@mikro-orm/core';
import { defineQueries } from '../../common/query-reach.js';
import { inTransaction } from '../../common/transaction.js';

/** The signed-in account: its own row of the User resource (self place) (common/query-reach.ts). */
export const sessionQueries = defineQueries({ me: 'self' });

@ObjectType({ description: 'A signed bearer token and who it speaks for' })
export class Session {
  @Field(() => String, { description: 'Send as `Authorization: Bearer <token>`' })
  token!: string;

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => User)
  user!: User;
}

const wrongCredentials = () => new AppError({ code: 'UNAUTHENTICATED', field: 'password', zh: '用户名或密码错误', en: 'wrong username or password' });

const loginRepeated = () =>
  new AppError({ code: 'BAD_USER_INPUT', rule: 'LOGIN_ONCE', field: 'login', zh: '一个请求只能登录一次', en: 'an operation may sign in only once' });

const tooManyAttempts = (retryAfter: number) =>
  new AppError({
    code: 'TOO_MANY_ATTEMPTS',
    field: 'username',
    zh: `登录失败次数过多，请 ${retryAfter} 秒后再试`,
    en: `too many failed sign-ins; try again in ${retryAfter} seconds`,
    details: { retryAfter },
  });

/** Usernames are at most 50 characters (the user resource's pattern); a longer one is cut before it is kept anywhere. */
const USERNAME_MAX = 50;

/**
 * A failed or throttled sign-in in the audit trail: the creation of a `LoginAttempt` record, by the
 * username tried (or the user's id, when the username exists), with the outcome and the client address.
 */
async function recordAttempt(ctx: Context, username: string, user: User | null, outcome: 'FAILED' | 'THROTTLED'): Promise<void> {
  const now = ctx.clock.now();
  await ctx.em.fork().insert(AuditEntry, {
    action: AuditAction.CREATE,
    entityName: 'LoginAttempt',
    entityId: user?.id ?? 0,
    actorId: null,
    actorName: username,
    cityId: user?.city?.id ?? null,
    changes: {
      outcome: [null, outcome],
      username: [null, username],
      clientAddress: [null, ctx.clientAddress],
      freeFailures: [null, LOGIN_THROTTLE.freeFailuresPerUsername],
    },
    version: 1,
    createdAt: now,
    updatedAt: now,
  });
}

/** The signed-in user's own account, read through the account's self place (user.resource.ts). */
async function signedInUser(ctx: Context): Promise<User> {
  if (!ctx.actor) throw unauthenticated();
  return ctx.em.findOneOrFail(User, scoped(userResource, { id: ctx.actor.userId }, ctx.actor) as FilterQuery<User>);
}

@Resolver()
export class SessionResolver {
  @Mutation(() => Session, { description: 'Sign in; the only operation open without a token, once per operation' })
  async login(
    @Arg('username', () => String) username: string,
    @Arg('password', () => String) password: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Session> {
    if (fieldCount(info, 'login') > 1) throw loginRepeated();
    const name = username.trim().toLowerCase().slice(0, USERNAME_MAX);
    const keys: ThrottleKeys = { username: name, address: ctx.clientAddress };
    const now = ctx.clock.now().getTime();
    const wait = loginThrottle.waitSeconds(keys, now);
    if (wait > 0) {
      if (loginThrottle.firstRefusal(keys, now)) await recordAttempt(ctx, name, null, 'THROTTLED');
      throw tooManyAttempts(wait);
    }
    loginThrottle.fail(keys, now);
    const user = await ctx.em.findOne(User, { username: name, active: true });
    // bcrypt would compare only the first 72 bytes; a longer password is no password of ours.
    const matches = mayBePassword(password) && (await verifyPassword(password, user?.passwordHash ?? (await hashOfNobody())));
    if (!user || !matches || user.role === Role.SERVICE) {
      await recordAttempt(ctx, name, user, 'FAILED');
      throw wrongCredentials();
    }
    loginThrottle.succeed(keys, now);
    return { ...(await ctx.tokens.issue({ userId: user.id, tokenVersion: user.tokenVersion, role: user.role })), user };
  }

  @Mutation(() => Boolean, { description: 'Ends every session of the signed-in user' })
  async logout(@Ctx() ctx: Context): Promise<boolean> {
    await inTransaction(ctx.em, async (em) => {
      const user = await em.findOneOrFail(User, ctx.actor!.userId);
      user.tokenVersion += 1;
    });
    return true;
  }

  @Mutation(() => Session, { description: 'A fresh token; tokens issued before it stop working' })
  async refreshToken(@Ctx() ctx: Context): Promise<Session> {
    const user = await inTransaction(ctx.em, async (em) => {
      const found = await em.findOneOrFail(User, ctx.actor!.userId);
      found.tokenVersion += 1;
      return found;
    });
    return { ...(await ctx.tokens.issue({ userId: user.id, tokenVersion: user.tokenVersion, role: user.role })), user };
  }

  @Query(() => User, { description: 'The signed-in user' })
  me(@Ctx() ctx: Context): Promise<User> {
    return signedInUser(ctx);
  }

  @Mutation(() => Session, { description: 'A long-lived token for a SERVICE account (a federation gateway); province admins only' })
  async issueServiceToken(@Arg('userId', () => ID) userId: string, @Arg('days', () => Int) days: number, @Ctx() ctx: Context): Promise<Session> {
    if (ctx.actor?.role !== Role.PROVINCE_ADMIN) throw forbidden('用户', 'User');
    if (!Number.isInteger(days) || days < 1 || days > 366) throw badInput('days', '有效期须为 1–366 天', 'days must be from 1 to 366');
    const user = await ctx.em.findOne(User, { id: parseId(userId, 'userId'), role: Role.SERVICE, active: true });
    if (!user) throw badInput('userId', '该用户不是启用的对接系统账号', 'not an active SERVICE account');
    return { ...(await ctx.tokens.issue({ userId: user.id, tokenVersion: user.tokenVersion, role: user.role }, days * 86400)), user };
  }
}
