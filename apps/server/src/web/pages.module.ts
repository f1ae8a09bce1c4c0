import { Module } from '@nestjs/common';
import { ClassroomsModule } from '../classrooms/classrooms.module';
import { CourseModule } from '../course/course.module';
import { ClustersModule } from '../clusters/clusters.module';
import { AccountPagesController } from './account-pages.controller';
import { ClassroomInfoService } from './classroom-info.service';
import { ClassroomPagesController } from './classroom-pages.controller';
import { ClassroomSettingsController } from './classroom-settings.controller';
import { ClusterViewController } from './cluster-view.controller';
import { ClusterViewService } from './cluster-view.service';
import { LessonPagesController } from './lesson-pages.controller';
import { LocalePageController } from './locale-page.controller';
import { UsersModule } from '../users/users.module';

@Module({
  imports: [ClustersModule, ClassroomsModule, UsersModule, CourseModule],
  controllers: [AccountPagesController, ClassroomPagesController, ClassroomSettingsController, LocalePageController, ClusterViewController, LessonPagesController],
  providers: [ClusterViewService, ClassroomInfoService],
})
export class PagesModule {}
