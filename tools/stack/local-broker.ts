import { execFileSync, spawn } from 'node:child_process';
import { existsSync, openSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eventually } from '@sieve/testing';

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

/**
 * The Kafka broker listening on this machine, as a process a fault test can stop and start again
 * exactly as it ran (same command, environment, data and logs), whoever started it: this
 * checkout's stack, another checkout's, or a CI clone that found one running.
 */
export class LocalBroker {
  private constructor(
    private readonly port: number,
    private pid: number,
    private readonly command: string[],
    private readonly cwd: string,
    private readonly env: Record<string, string>,
  ) {}

  static find(port = 9092): LocalBroker {
    const pid = Number(/pid=(\d+)/.exec(execFileSync('ss', ['-ltnpH', `sport = :${port}`]).toString())?.[1]);
    if (!pid) throw new Error(`no process listens on port ${port}: start the test stack (tools/stack/stack.sh up test)`);
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    const env = Object.fromEntries(
      readFileSync(`/proc/${pid}/environ`, 'utf8')
        .split('\0')
        .filter(Boolean)
        .map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]),
    );
    return new LocalBroker(port, pid, command, readlinkSync(`/proc/${pid}/cwd`), env);
  }

  /** Stops the broker (SIGTERM, as the stack does) and waits until it is gone. */
  async stop(): Promise<void> {
    process.kill(this.pid, 'SIGTERM');
    await eventually(
      () => {
        if (existsSync(`/proc/${this.pid}`)) throw new Error(`the broker (pid ${this.pid}) did not stop`);
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
  }

  /** Starts it again as it ran, and waits until it listens. */
  async start(): Promise<void> {
    const logsDirectory = this.command.find((arg) => arg.startsWith('-Dkafka.logs.dir='))?.split('=')[1];
    const output = openSync(path.join(logsDirectory ?? tmpdir(), 'stdout.log'), 'a');
    const child = spawn(this.command[0], this.command.slice(1), { cwd: this.cwd, env: this.env, detached: true, stdio: ['ignore', output, output] });
    child.unref();
    // The stack's pid file, if the stack started the broker, names the new process.
    const pidFile = logsDirectory ? path.join(path.dirname(logsDirectory), 'kafka.pid') : undefined;
    if (pidFile && existsSync(pidFile) && readFileSync(pidFile, 'utf8').trim() === String(this.pid)) writeFileSync(pidFile, String(child.pid));
    this.pid = child.pid!;
    await eventually(
      async () => {
        if (!(await listening(this.port))) throw new Error('the broker did not listen again');
      },
      { timeoutMs: 90_000, intervalMs: 250 },
    );
  }

  async isListening(): Promise<boolean> {
    return listening(this.port);
  }
}
