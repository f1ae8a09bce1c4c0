// The timeline (rebuilt past states of a cluster), for the instructor's pages to import.
import { Module } from '@nestjs/common';
import { TimelineService } from './timeline.service';

@Module({
  providers: [TimelineService],
  exports: [TimelineService],
})
export class TimelineModule {}
