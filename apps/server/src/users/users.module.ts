import { Module } from '@nestjs/common';
import { ClustersModule } from '../clusters/clusters.module';
import { AccountController } from './account.controller';
import { AccountService } from './account.service';

@Module({ imports: [ClustersModule], controllers: [AccountController], providers: [AccountService], exports: [AccountService] })
export class UsersModule {}
