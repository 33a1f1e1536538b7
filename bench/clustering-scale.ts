// One scale run of the clustering bench, in its own process so its peak memory is its own:
// `node bench/clustering-scale.ts <app|tfidf> <size>` prints one JSON line.
import { clusterTexts } from '../packages/clustering/src/index.ts';
import { ari, nmi } from '../packages/clustering/src/metrics.ts';
import { tfidfKMeans } from './clustering-baseline.ts';
import { loadDevSet, synthesize } from './clustering-data.ts';

const [method, sizeArgument] = process.argv.slice(2);
const size = Number(sizeArgument);
if ((method !== 'app' && method !== 'tfidf') || !Number.isInteger(size) || size < 1) {
  process.stderr.write('Gebruik: node bench/clustering-scale.ts <app|tfidf> <aantal>\n');
  process.exit(2);
}

const devSet = [...loadDevSet('a'), ...loadDevSet('b')];
const items = synthesize(devSet, size, 42);
const topics = items.map((item) => item.topic);
const trueK = new Set(topics).size;
const texts = items.map(({ id, text }) => ({ id, text }));

const cpuBefore = process.cpuUsage();
const started = performance.now();
let predicted: number[];
let k: number;
if (method === 'app') {
  // k chosen automatically, as on the wall.
  const result = clusterTexts(texts, { seed: 1 });
  const clusterOf = new Map(result.assignments.map((a) => [a.id, a.cluster]));
  predicted = texts.map((t) => clusterOf.get(t.id) ?? -1);
  k = result.k;
} else {
  predicted = tfidfKMeans(
    texts.map((t) => t.text),
    trueK,
    1,
  );
  k = trueK;
}
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);

process.stdout.write(
  `${JSON.stringify({
    method,
    size,
    k,
    seconds: Number(seconds.toFixed(2)),
    cpu_seconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(2)),
    // maxRSS is in KiB on Linux: the peak of the whole process, start-up and input included.
    peak_mib: Math.round(process.resourceUsage().maxRSS / 1024),
    nmi: Number(nmi(topics, predicted).toFixed(3)),
    ari: Number(ari(topics, predicted).toFixed(3)),
  })}\n`,
);
