import { Module } from '@nestjs/common';
import { ClustersModule } from '../clusters/clusters.module';
import { InstructorAccess } from '../instructor/instructor-access';
import { ClassroomDiscordController } from './classroom-discord.controller';
import { ClassroomDiscordService } from './classroom-discord.service';
import { ClassroomsController } from './classrooms.controller';
import { ClassroomsService } from './classrooms.service';

@Module({
  imports: [ClustersModule],
  controllers: [ClassroomsController, ClassroomDiscordController],
  // InstructorAccess is stateless (one Prisma lookup): an instance of its own here spares this
  // module a dependency on the whole instructor module (grading, drills, exams).
  providers: [ClassroomsService, ClassroomDiscordService, InstructorAccess],
  exports: [ClassroomsService, ClassroomDiscordService],
})
export class ClassroomsModule {}
