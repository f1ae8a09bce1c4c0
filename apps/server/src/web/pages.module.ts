import { Module } from '@nestjs/common';
import { ClassroomsModule } from '../classrooms/classrooms.module';
import { ClustersModule } from '../clusters/clusters.module';
import { AccountPagesController } from './account-pages.controller';
import { ClassroomPagesController } from './classroom-pages.controller';

@Module({ imports: [ClustersModule, ClassroomsModule], controllers: [AccountPagesController, ClassroomPagesController] })
export class PagesModule {}
