import { IsIn } from 'class-validator';
import { Arg, Ctx, Field, FieldResolver, InputType, Mutation, Resolver, Root } from 'type-graphql';
import { Auth, Public } from '../../platform/auth/auth.directive.js';
import { Role } from '../../platform/auth/principal.js';
import { Permission } from '../../platform/auth/permissions.js';
import type { GraphQLContext } from '../../platform/graphql/context.js';
import { badInput } from '../../platform/errors.js';
import { LOCALES } from '../mail/mail.templates.js';
import { User } from '../user/user.entity.js';
import { Viewer } from './auth.types.js';
import type { PasswordResetService } from './password-reset.service.js';

@InputType()
export class ResetPasswordInput {
  @Field()
  token: string;

  @Field()
  newPassword: string;
}

@InputType()
export class LocaleInput {
  @Field({ description: '`en` or `id`: the language of the mail you get.' })
  @IsIn(LOCALES as string[], { message: 'must be en or id' })
  locale: string;
}

/** Password reset by mail, and the account's language for mail. */
@Resolver(() => Viewer)
export class PasswordResetResolver {
  constructor(private readonly resets: PasswordResetService) {}

  @Public()
  @Mutation(() => Boolean, {
    description: 'Mails a reset link when the address has an account. Always answers true, for known and unknown addresses alike.',
  })
  requestPasswordReset(@Arg('email', () => String) email: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    if (!/^[^\s@]{1,64}@[^\s@]{1,190}$/.test(email.trim())) throw badInput({ email: ['must be a valid email address'] });
    return this.resets.request(ctx.em, email, ctx.ip);
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Sets a new password with the token from the mail (single use), and signs out every session.' })
  resetPassword(
    @Arg('token', () => String) token: string,
    @Arg('newPassword', () => String) newPassword: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<boolean> {
    return this.resets.reset(ctx.em, token, newPassword);
  }

  @Auth(Role.ADMIN, Role.AGENT, Role.CUSTOMER, { permission: Permission.ACCOUNT_USE })
  @Mutation(() => String, { description: 'Sets the language of the mail you get (`en` or `id`). Returns it.' })
  async updateMyLocale(@Arg('input', () => LocaleInput) input: LocaleInput, @Ctx() ctx: GraphQLContext): Promise<string> {
    // Users are global rows: the principal names the one to change.
    await ctx.em.nativeUpdate(User, { id: ctx.principal!.userId }, { locale: input.locale });
    return input.locale;
  }

  @FieldResolver(() => String, { description: 'The language of the mail you get: `en` or `id`.' })
  async locale(@Root() viewer: Viewer, @Ctx() ctx: GraphQLContext): Promise<string> {
    const user = await ctx.em.findOne(User, { id: viewer.user.id }, { fields: ['locale'] });
    return user?.locale ?? 'en';
  }
}
