// The routes only the Discord bot's service token uses (beyond the shared REST API).
import { Module } from '@nestjs/common';
import { ClustersModule } from '../clusters/clusters.module';
import { CourseModule } from '../course/course.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { BotClassroomController } from './bot-classroom.controller';
import { BotClassroomService } from './bot-classroom.service';
import { BotLessonTextController } from './bot-lesson-text.controller';
import { BotMeController } from './bot-me.controller';

@Module({
  imports: [NotificationsModule, CourseModule, ClustersModule],
  controllers: [BotMeController, BotLessonTextController, BotClassroomController],
  providers: [BotClassroomService],
})
export class BotApiModule {}
