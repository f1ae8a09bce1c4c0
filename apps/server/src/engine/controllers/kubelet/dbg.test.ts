import { Cluster } from '../../cluster';
import { Pod } from '../../api/types';
const START = Date.UTC(2026, 0, 1);
it('dbg', () => {
  const c = Cluster.create({ seed: 1, start: START });
  for (const p of c.api.list('pods') as Pod[]) console.log(p.metadata.namespace, p.metadata.name, p.spec.nodeName, p.status?.phase, p.status?.podIP, JSON.stringify(p.status?.containerStatuses?.map(s => [s.state, s.ready, s.restartCount])));
});
