// The course: lessons, progress, checks, hints, the quiz and rewind, over the student's clusters;
// and the Transition rows the checks read, recorded from every cluster's changes.
import { Module } from '@nestjs/common';
import { ClustersModule } from '../clusters/clusters.module';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { HistoryReader } from '../grading/history-reader';
import { CourseController } from './course.controller';
import { CourseService } from './course.service';
import { LessonLibrary } from './lesson-library';
import { ProgressEvents } from './progress-events';
import { TransitionRecorder } from './transition-recorder';

@Module({
  imports: [ClustersModule],
  controllers: [CourseController],
  providers: [
    CourseService,
    LessonLibrary,
    TransitionRecorder,
    ProgressEvents,
    // the check history's reader (a read-only connection of its own), closed with the module
    { provide: HistoryReader, useFactory: (config: AppConfig) => new HistoryReader(config.databaseFile), inject: [APP_CONFIG] },
  ],
  exports: [CourseService, LessonLibrary, TransitionRecorder, ProgressEvents, HistoryReader],
})
export class CourseModule {}
