// Tells whoever listens (the instructor's live class view) that a student's progress changed:
// a check was stored, a step reached, a lesson started, a quiz answered. A check changes no
// cluster, so the cluster change events alone would not say it.
import { Injectable } from '@nestjs/common';

export interface ProgressChange {
  classroomId: string;
  userId: string;
}

@Injectable()
export class ProgressEvents {
  private readonly listeners = new Set<(change: ProgressChange) => void>();

  subscribe(listener: (change: ProgressChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(change: ProgressChange): void {
    for (const l of this.listeners) l(change);
  }
}
