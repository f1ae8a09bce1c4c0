// Students' clusters: the exec service, the runner that locks and persists, the REST door.
import { Module } from '@nestjs/common';
import { ClusterAccessService } from './cluster-access.service';
import { ClusterEvents } from './cluster-events';
import { ClusterMemoryController } from './cluster-memory.controller';
import { ClusterRunner } from './cluster-runner';
import { ClustersController } from './clusters.controller';
import { ClustersService } from './clusters.service';
import { ExecService } from './exec.service';
import { WorkspaceService } from './workspace.service';

@Module({
  controllers: [ClustersController, ClusterMemoryController],
  providers: [ClusterRunner, ClusterEvents, ClusterAccessService, ClustersService, ExecService, WorkspaceService],
  exports: [ClusterRunner, ClusterEvents, ClusterAccessService, ClustersService, ExecService, WorkspaceService],
})
export class ClustersModule {}
