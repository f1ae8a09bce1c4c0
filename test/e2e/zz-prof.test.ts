import { AuthService } from '../../apps/server/src/auth/auth.service';
import { ExecService } from '../../apps/server/src/clusters/exec.service';
import { ClassroomsService } from '../../apps/server/src/classrooms/classrooms.service';
import { ClustersService } from '../../apps/server/src/clusters/clusters.service';
import { bootApp } from './app-harness';

it('profiles exec', async () => {
  const h = await bootApp({ AUTH_RATE_LIMIT: '1000', SQLITE_SYNCHRONOUS: process.env.SYNC ?? 'FULL' });
  const auth = h.app.get(AuthService);
  const t = await auth.register({ username: 'teacher', password: 'password123', role: 'instructor' });
  const s = await auth.register({ username: 'stud', password: 'password123' });
  const room = await h.app.get(ClassroomsService).create(t, 'x');
  await h.app.get(ClassroomsService).join(s, room.joinCode!);
  const [c] = await h.app.get(ClustersService).listMine(s);
  const ex = h.app.get(ExecService);
  await ex.exec({ user: s, clusterId: c.id, door: 'api', terminal: 'a', line: 'kubectl run target --image=nginx' });
  const t0 = Date.now();
  for (let i = 0; i < 50; i++) await ex.exec({ user: s, clusterId: c.id, door: 'api', terminal: 'a', line: `kubectl label pod target l${i}=v` });
  console.log('per exec ms', (Date.now() - t0) / 50);
  await h.close();
});
