// The root module, built from the configuration validated at boot.
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import type pino from 'pino';
import { AuthModule } from './auth/auth.module';
import { BotApiModule } from './bot-api/bot-api.module';
import { ClassroomsModule } from './classrooms/classrooms.module';
import { ClockModule } from './clock/clock.module';
import { ClustersModule } from './clusters/clusters.module';
import { CourseModule } from './course/course.module';
import { ErrorFilter } from './common/error.filter';
import type { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { HealthController } from './health/health.controller';
import { InstructorModule } from './instructor/instructor.module';
import { TerminalModule } from './terminal/terminal.module';
import { UsersModule } from './users/users.module';
import { nestLoggingParams } from './logging/logger';
import { HomeController } from './web/home.controller';
import { PagesModule } from './web/pages.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, logger: pino.Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(nestLoggingParams(logger)),
        DatabaseModule,
        ClockModule.forRoot(config.clock),
        AuthModule.forRoot(config),
        ClustersModule,
        CourseModule,
        ClassroomsModule,
        InstructorModule,
        TerminalModule,
        PagesModule,
        UsersModule,
        BotApiModule,
      ],
      controllers: [HealthController, HomeController],
      providers: [{ provide: APP_FILTER, useClass: ErrorFilter }],
    };
  }
}
