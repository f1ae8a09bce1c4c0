// The Prisma client, connected through the better-sqlite3 adapter (rust-free Prisma: no engine
// download, shared/stack.md). It disconnects in onApplicationShutdown, which Nest runs after the
// HTTP server has closed, so requests in flight still reach the database.
import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '../../../../generated/prisma';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { SQLITE_BUSY_TIMEOUT_MS } from './sqlite';

@Injectable()
export class PrismaService extends PrismaClient implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Database');

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    super({ adapter: new PrismaBetterSQLite3({ url: config.databaseUrl, timeout: SQLITE_BUSY_TIMEOUT_MS }) });
  }

  async onModuleInit(): Promise<void> {
    await this.$connect();
    // The adapter holds one connection; these settings are per connection (see sqlite.ts).
    await this.$executeRawUnsafe(`PRAGMA synchronous = ${this.config.sqliteSynchronous}`);
    await this.$executeRawUnsafe('PRAGMA foreign_keys = ON');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.$disconnect();
    this.logger.log('database closed');
  }

  /** True when the database answers a trivial query. */
  async ping(): Promise<boolean> {
    try {
      await this.$queryRawUnsafe('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }
}
