// Accounts, sessions, API tokens, CSRF and the throttling of sign-in and sign-up.
import { DynamicModule, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import cookieParser from 'cookie-parser';
import type { AppConfig } from '../config/config';
import { ApiTokenService } from './api-token.service';
import { AuthController } from './auth.controller';
import { AuthMiddleware } from './auth.middleware';
import { AuthService } from './auth.service';
import { CsrfService } from './csrf.service';
import { DiscordLinkController } from './discord-link.controller';

@Module({})
export class AuthModule implements NestModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      imports: [ThrottlerModule.forRoot([{ name: 'auth', ttl: 60_000, limit: config.auth.rateLimitPerMinute }])],
      controllers: [AuthController, DiscordLinkController],
      providers: [AuthService, ApiTokenService, CsrfService],
      exports: [AuthService, ApiTokenService, CsrfService, ThrottlerModule],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(cookieParser(), AuthMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
