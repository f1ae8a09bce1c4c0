// The course: lessons, progress, checks, hints, the quiz and rewind, over the student's clusters;
// and the Transition rows the checks read, recorded from every cluster's changes.
import { Module } from '@nestjs/common';
import { ClustersModule } from '../clusters/clusters.module';
import { CourseController } from './course.controller';
import { CourseService } from './course.service';
import { LessonLibrary } from './lesson-library';
import { ProgressEvents } from './progress-events';
import { TransitionRecorder } from './transition-recorder';

@Module({
  imports: [ClustersModule],
  controllers: [CourseController],
  providers: [CourseService, LessonLibrary, TransitionRecorder, ProgressEvents],
  exports: [CourseService, LessonLibrary, TransitionRecorder, ProgressEvents],
})
export class CourseModule {}
