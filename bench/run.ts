// `npm run bench`: prints every benchmark figure with its target.
// `npm run bench -- engine network` runs only the sections named (engine, network, server, grading).

import { engineBenchmarks } from './engine.bench';
import { gradingBenchmarks } from './grading.bench';
import { report } from './harness';
import { networkBenchmarks } from './network.bench';
import { serverBenchmarks } from './server.bench';

const SECTIONS = {
  engine: { title: 'engine (cluster with 10 workers)', run: engineBenchmarks },
  network: { title: 'network (cluster with 10 workers)', run: async () => networkBenchmarks() },
  server: { title: 'server (students over HTTP on a fresh SQLite file)', run: serverBenchmarks },
  grading: { title: 'grading (instructor, in process on a fresh SQLite file)', run: gradingBenchmarks },
};

async function main(): Promise<void> {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((a) => !(a in SECTIONS));
  if (unknown.length) throw new Error(`unknown benchmark section ${unknown.join(', ')}: choose among ${Object.keys(SECTIONS).join(', ')}`);
  console.log(`kubeaula benchmarks (node ${process.version}, ${new Date().toISOString()})`);
  for (const [name, section] of Object.entries(SECTIONS)) {
    if (asked.length && !asked.includes(name)) continue;
    console.log(`\n${section.title}:`);
    report(await section.run());
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
