/**
 * Jest globalSetup: decides once per run whether a container runtime exists, so that suites
 * needing one (KurrentDB via testcontainers) are skipped with a reason instead of failing.
 * Workers inherit process.env from this process, which is how the answer reaches them.
 */
import { getContainerRuntimeClient } from 'testcontainers';

export const CONTAINER_RUNTIME_ENV = 'BAYTAQ_CONTAINER_RUNTIME';

// Detection is instant without a socket, but a DOCKER_HOST pointing at an unreachable machine
// can hang on TCP connect: cap it so a run without containers stays fast.
const DETECTION_TIMEOUT_MS = 5000;

async function detect(): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${DETECTION_TIMEOUT_MS} ms`)), DETECTION_TIMEOUT_MS);
    timer.unref();
  });
  try {
    await Promise.race([getContainerRuntimeClient(), timeout]);
    return 'available';
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return `unavailable: ${reason.split('\n')[0]}`;
  } finally {
    clearTimeout(timer);
  }
}

export default async function globalSetup(): Promise<void> {
  // Set already (by the caller, or by an earlier run in watch mode): respect it.
  const status = process.env[CONTAINER_RUNTIME_ENV] ?? (await detect());
  process.env[CONTAINER_RUNTIME_ENV] = status;
  if (status === 'available') return;
  console.log(`\n[global-setup] container runtime ${status}; KurrentDB suites will be skipped`);
}
