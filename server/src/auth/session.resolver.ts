import { Arg, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import { AppError, badInput } from '../common/errors.js';
import { parseId } from '../common/ids.js';
import { User } from '../modules/user/user.entity.js';
import { Role } from '../modules/user/role.js';
import { hashOfNobody, verifyPassword } from './passwords.js';
import { forbidden, unauthenticated } from './scope.js';

@ObjectType({ description: 'A signed bearer token and who it speaks for' })
export class Session {
  @Field(() => String, { description: 'Send as `Authorization: Bearer <token>`' })
  token!: string;

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => User)
  user!: User;
}

const wrongCredentials = () =>
  new AppError({ code: 'UNAUTHENTICATED', field: 'password', zh: '用户名或密码错误', en: 'wrong username or password' });

async function signedInUser(ctx: Context): Promise<User> {
  if (!ctx.actor) throw unauthenticated();
  return ctx.em.findOneOrFail(User, ctx.actor.userId);
}

@Resolver()
export class SessionResolver {
  @Mutation(() => Session, { description: 'Sign in; the only operation open without a token' })
  async login(@Arg('username', () => String) username: string, @Arg('password', () => String) password: string, @Ctx() ctx: Context): Promise<Session> {
    const user = await ctx.em.findOne(User, { username: username.trim().toLowerCase(), active: true });
    const matches = await verifyPassword(password, user?.passwordHash ?? (await hashOfNobody()));
    if (!user || !matches || user.role === Role.SERVICE) throw wrongCredentials();
    return { ...(await ctx.tokens.issue({ userId: user.id, tokenVersion: user.tokenVersion, role: user.role })), user };
  }

  @Mutation(() => Boolean, { description: 'Ends every session of the signed-in user' })
  async logout(@Ctx() ctx: Context): Promise<boolean> {
    await ctx.em.transactional(async (em) => {
      const user = await em.findOneOrFail(User, ctx.actor!.userId);
      user.tokenVersion += 1;
    });
    return true;
  }

  @Mutation(() => Session, { description: 'A fresh token; tokens issued before it stop working' })
  async refreshToken(@Ctx() ctx: Context): Promise<Session> {
    const user = await ctx.em.transactional(async (em) => {
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
