import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** The admin key the crash suite's service starts with (REGISTRY_ADMIN_KEY): synthetic, never a real secret. */
export const CRASH_ADMIN_KEY = 'bq_CRASH-ONLY-synthetic-admin-key-000000000';

const START_TIMEOUT_MS = 30_000;
/** The last lines the service wrote to stderr, shown when it fails to start. */
const STDERR_LINES = 20;

/**
 * The real service in a process of its own (its main module compiled by compileService), on
 * 127.0.0.1 and a port the system picks. Started again on the same data directory after each kill.
 */
export class RegistryProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    private readonly exited: Promise<NodeJS.Signals | number | null>,
  ) {}

  static async start(serviceDir: string, dataDir: string): Promise<RegistryProcess> {
    const child = spawn(process.execPath, [join(serviceDir, 'apps', 'registry', 'src', 'main.js')], {
      cwd: serviceDir,
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: '0',
        REGISTRY_STORE: 'sqlite',
        REGISTRY_DATA_DIR: dataDir,
        REGISTRY_ADMIN_KEY: CRASH_ADMIN_KEY,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
      child.once('exit', (code, signal) => resolve(signal ?? code)),
    );
    const stderr: string[] = [];
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      stderr.push(...chunk.split('\n').filter(Boolean));
      stderr.splice(0, Math.max(0, stderr.length - STDERR_LINES));
    });
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`the service did not listen within ${START_TIMEOUT_MS} ms:\n${stderr.join('\n')}`));
      }, START_TIMEOUT_MS);
      let out: string | undefined = '';
      child.stdout!.setEncoding('utf8');
      // Read to the end, even once listening: a full pipe would block the service's writes to it.
      child.stdout!.on('data', (chunk: string) => {
        if (out === undefined) return;
        out += chunk;
        const line = out
          .split('\n')
          .slice(0, -1) // whole lines only
          .find((l) => l.includes('registry listening'));
        if (!line) return;
        out = undefined;
        clearTimeout(timer);
        resolve((JSON.parse(line) as { url: string }).url);
      });
      void exited.then((how) => {
        clearTimeout(timer);
        reject(new Error(`the service exited (${how}) before listening:\n${stderr.join('\n')}`));
      });
    });
    return new RegistryProcess(child, url, exited);
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** kill -9: no shutdown hook runs, nothing is flushed but what the store had made durable. */
  killNine(): Promise<NodeJS.Signals | number | null> {
    this.child.kill('SIGKILL');
    return this.exited;
  }

  /** Ends the process whatever state it is in; for afterAll. */
  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    await this.exited;
  }
}
