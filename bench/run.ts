// `npm run bench`: prints every benchmark figure with its target.

import { engineBenchmarks } from './engine.bench';
import { report } from './harness';
import { networkBenchmarks } from './network.bench';

async function main(): Promise<void> {
  console.log(`kubeaula benchmarks (node ${process.version}, ${new Date().toISOString()})\n`);
  console.log('engine (cluster with 10 workers):');
  report(await engineBenchmarks());
  console.log('\nnetwork (cluster with 10 workers):');
  report(networkBenchmarks());
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
