// A classroom as many instructor tests need it: its instructor `teacher`, a second instructor
// `other` with a classroom of their own (to prove isolation), and the student `ana` joined, with
// her course cluster.
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AuthService } from '../../apps/server/src/auth/auth.service';
import { Client, signedIn, signedUp } from './client';

export interface ClassroomFixture {
  teacher: Client;
  other: Client;
  ana: Client;
  room: string;
  anaId: string;
  cluster: string;
}

export async function classroomWithAna(app: NestExpressApplication, name: string): Promise<ClassroomFixture> {
  const auth = app.get(AuthService);
  await auth.register({ username: 'teacher', password: 'password123', role: 'instructor' });
  await auth.register({ username: 'other', password: 'password123', role: 'instructor' });
  const teacher = await signedIn(app, 'teacher');
  const other = await signedIn(app, 'other');
  const created = await teacher.post('/api/v1/classrooms', { name }).expect(201);
  await other.post('/api/v1/classrooms', { name: 'Elsewhere' }).expect(201);
  const ana = await signedUp(app, 'ana', 'Ana');
  await ana.post('/api/v1/classrooms/join', { code: created.body.joinCode }).expect(200);
  const anaId = (await ana.get('/api/v1/auth/me').expect(200)).body.user.id;
  const cluster = (await ana.get('/api/v1/clusters').expect(200)).body[0].id;
  return { teacher, other, ana, room: created.body.id, anaId, cluster };
}
