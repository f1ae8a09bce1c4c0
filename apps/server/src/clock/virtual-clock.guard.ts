// The test clock routes exist only under the virtual clock (itself refused in production):
// with the wall clock they answer 404, as if they did not exist.
import { CanActivate, Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error';
import { CLOCK, Clock } from './clock';

@Injectable()
export class VirtualClockGuard implements CanActivate {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  canActivate(): boolean {
    if (this.clock.mode !== 'virtual') throw new AppError('NOT_FOUND', 'Not found');
    return true;
  }
}
