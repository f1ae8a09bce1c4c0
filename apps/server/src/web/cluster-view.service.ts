// What the lesson page asks of a cluster besides commands: the live picture and tab completion
// (the same completion as `kubeaula shell`), read under the cluster's lock.
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/request-auth';
import { completeLine } from '../cli/completion';
import { ClusterAccessService } from '../clusters/cluster-access.service';
import { ClusterRunner } from '../clusters/cluster-runner';
import { ClustersService, type InputView } from '../clusters/clusters.service';
import { MAX_COMMAND_LENGTH } from '../clusters/limits';
import { AppError } from '../common/app-error';
import { clusterPicture, type ClusterPicture } from './cluster-picture';

@Injectable()
export class ClusterViewService {
  constructor(
    private readonly access: ClusterAccessService,
    private readonly runner: ClusterRunner,
    private readonly clusters: ClustersService,
  ) {}

  /**
   * The last `n` commands run on the cluster with their output (the page without scripts shows
   * them), among its last 20 inputs before `version` (an input's seq is the version it made).
   */
  async recentCommands(user: AuthUser, clusterId: string, version: number, n = 5): Promise<InputView[]> {
    const inputs = await this.clusters.inputs(user, clusterId, Math.max(0, version - 20), 20);
    return inputs.filter((i) => i.kind === 'command').slice(-n);
  }

  async picture(user: AuthUser, clusterId: string): Promise<ClusterPicture> {
    await this.access.check(user, clusterId, 'read');
    return this.runner.read(clusterId, (entry) => {
      const store = entry.sandbox.cluster.store;
      return clusterPicture(entry.version, store.list('nodes'), store.list('pods'), store.list('services'));
    });
  }

  /** Candidates for the last word of `line`, and that word. */
  async complete(user: AuthUser, clusterId: string, line: string): Promise<{ candidates: string[]; word: string }> {
    if (line.length > MAX_COMMAND_LENGTH) throw new AppError('PAYLOAD_TOO_LARGE', `The command line is longer than ${MAX_COMMAND_LENGTH} characters`);
    await this.access.check(user, clusterId, 'read');
    return this.runner.read(clusterId, (entry) => {
      const [candidates, word] = completeLine(entry.sandbox, line);
      return { candidates: candidates.slice(0, 200), word };
    });
  }
}
