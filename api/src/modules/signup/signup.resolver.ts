import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { Public } from '../../platform/auth/auth.directive.js';
import type { GraphQLContext } from '../../platform/graphql/context.js';
import { SignUpInput } from './signup.inputs.js';
import type { SignupService } from './signup.service.js';
import { SignUpPayload, VerifyEmailPayload } from './signup.types.js';

@Resolver()
export class SignupResolver {
  constructor(private readonly signup: SignupService) {}

  @Public()
  @Mutation(() => SignUpPayload, {
    description: 'Creates a workspace with you as its admin (when ALLOW_SIGNUP is on) and mails a confirmation link; sign in after confirming.',
  })
  signUp(@Arg('input', () => SignUpInput) input: SignUpInput, @Ctx() ctx: GraphQLContext): Promise<SignUpPayload> {
    return this.signup.signUp(ctx.em, input, ctx.ip);
  }

  @Public()
  @Mutation(() => VerifyEmailPayload, { description: 'Confirms your email address with the token from the mail, and opens a new workspace.' })
  verifyEmail(@Arg('token', () => String) token: string, @Ctx() ctx: GraphQLContext): Promise<VerifyEmailPayload> {
    return this.signup.verifyEmail(ctx.em, token);
  }
}
