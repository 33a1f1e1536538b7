// Runs the clustering off the main thread, so the API keeps answering while a wall of thousands of
// cards is clustered. Messages: progress now and then, then one result (or one error).
import { parentPort, workerData } from 'node:worker_threads';
import { clusterTexts, suggestPlacements } from '@inbreng/clustering';
import type { WorkerInput, WorkerMessage } from './wall.runs.ts';

const input = workerData as WorkerInput;
const send = (message: WorkerMessage) => parentPort!.postMessage(message);
const onProgress = (fraction: number, stage: string) => send({ type: 'progress', fraction, stage });

try {
  if (input.kind === 'cluster') {
    const result = clusterTexts(input.items, {
      k: input.k ?? undefined,
      seed: input.seed,
      seeds: input.seeds,
      onProgress,
    });
    send({ type: 'cluster', result });
  } else {
    const suggestions = suggestPlacements(input.placed, input.items, { onProgress });
    send({ type: 'suggest', suggestions });
  }
} catch (err) {
  send({ type: 'error', message: err instanceof Error ? err.message : String(err) });
}
