// The instructor's side: assignments, custom tasks, grading (now, at the deadline, re-grade,
// overrides), the gradebook export, the class view and fault drills.
import { Module } from '@nestjs/common';
import { ClustersModule } from '../clusters/clusters.module';
import { CourseModule } from '../course/course.module';
import { GradedStateService } from '../grading/graded-state';
import { AssignmentsController } from './assignments.controller';
import { AssignmentsService } from './assignments.service';
import { ClassViewController } from './class-view.controller';
import { ClassViewService } from './class-view.service';
import { DeadlineScheduler } from './deadline-scheduler';
import { DrillsController } from './drills.controller';
import { ExamController } from './exam.controller';
import { ExamService } from './exam.service';
import { DrillsService } from './drills.service';
import { GradebookService } from './gradebook.service';
import { GradesController } from './grades.controller';
import { GradingService } from './grading.service';
import { InstructorAccess } from './instructor-access';
import { InstructorGateway } from './instructor.gateway';
import { MyGradesController } from './my-grades.controller';
import { StudentController } from './student.controller';
import { StudentTimelineService } from './student-timeline.service';
import { StudentTimelineLive } from './student-timeline-live';
import { TaskEditorController } from './task-editor.controller';
import { TaskTrialService } from './task-trial.service';
import { TimelineModule } from '../timeline/timeline.module';
import { TerminalModule } from '../terminal/terminal.module';

@Module({
  imports: [ClustersModule, CourseModule, TimelineModule, TerminalModule],
  controllers: [AssignmentsController, GradesController, ClassViewController, DrillsController, ExamController, MyGradesController, StudentController, TaskEditorController],
  providers: [InstructorAccess, AssignmentsService, GradedStateService, GradingService, GradebookService, DeadlineScheduler, ClassViewService, InstructorGateway, DrillsService, ExamService, StudentTimelineService, StudentTimelineLive, TaskTrialService],
  exports: [GradingService, DeadlineScheduler],
})
export class InstructorModule {}
