// Test-only: what the runner keeps in memory (bench/server reports it beside the RSS, so that a
// packed cluster is never counted as a live one). Only under the virtual clock, as the test
// clock routes: with the wall clock it answers 404. Not in the API's documentation.
import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { VirtualClockGuard } from '../clock/virtual-clock.guard';
import { ClusterRunner } from './cluster-runner';

export interface ClusterMemoryView {
  live: number;
  liveCapacity: number;
  packed: number;
  packedCapacity: number;
  packedBytes: number;
  /** Clusters packed so far, and the milliseconds that took (serialize, store, deflate). */
  packs: number;
  packMs: number;
  /** Packed clusters loaded back so far, and the milliseconds that took (inflate, load). */
  unpacks: number;
  unpackMs: number;
  heapUsedBytes: number;
  rssBytes: number;
}

@ApiExcludeController()
@Controller('api/v1/test/clusters/memory')
@UseGuards(VirtualClockGuard)
export class ClusterMemoryController {
  constructor(private readonly runner: ClusterRunner) {}

  @Get()
  read(): ClusterMemoryView {
    const { cache, packing } = this.runner;
    const m = process.memoryUsage();
    return {
      live: cache.size,
      liveCapacity: cache.liveCapacity,
      packed: cache.packedSize,
      packedCapacity: cache.packedCapacity,
      packedBytes: cache.packedBytes,
      ...packing,
      heapUsedBytes: m.heapUsed,
      rssBytes: m.rss,
    };
  }
}
