// The routes only the Discord bot's service token uses (beyond the shared REST API).
import { Module } from '@nestjs/common';
import { CourseModule } from '../course/course.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { BotLessonTextController } from './bot-lesson-text.controller';
import { BotMeController } from './bot-me.controller';

@Module({ imports: [NotificationsModule, CourseModule], controllers: [BotMeController, BotLessonTextController] })
export class BotApiModule {}
