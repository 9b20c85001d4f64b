/** For suites that need a container runtime: the answer global-setup.ts found once for the run. */
const ENV = 'BAYTAQ_CONTAINER_RUNTIME';

export function containerRuntimeStatus(): string {
  return process.env[ENV] ?? 'unknown: test/setup/global-setup.ts did not run';
}

export function containerRuntimeAvailable(): boolean {
  return containerRuntimeStatus() === 'available';
}

let reported = false;

/** `describe` when a container runtime exists, otherwise `describe.skip` with the reason printed once. */
export function describeWithContainers(name: string, suite: () => void): void {
  if (containerRuntimeAvailable()) {
    describe(name, suite);
    return;
  }
  if (!reported) {
    reported = true;
    console.log(`[containers] skipping "${name}": container runtime ${containerRuntimeStatus()}`);
  }
  describe.skip(name, suite);
}
