// Checks, before starting it, that a launch candidate can work: the executable exists,
// and a Python is new enough and can import the server. Node only, no `vscode`.

import { execFile } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import * as path from 'node:path';

import type { Launch, ProbeResult } from './serverCommand';

function isExecutableFile(file: string): boolean {
  try {
    if (!statSync(file).isFile()) {
      return false;
    }
    accessSync(file, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** `which`: the first executable `name` on `pathEnv` (PATHEXT honoured on Windows). */
export function findExecutable(
  name: string,
  pathEnv: string | undefined,
  options: { delimiter?: string; pathExt?: string | undefined; isExecutable?: (f: string) => boolean } = {},
): string | undefined {
  const delimiter = options.delimiter ?? path.delimiter;
  const isExec = options.isExecutable ?? isExecutableFile;
  if (name.includes('/') || name.includes('\\')) {
    return isExec(name) ? name : undefined;
  }
  const exts =
    options.pathExt !== undefined && options.pathExt !== ''
      ? ['', ...options.pathExt.split(';').filter((e) => e !== '')]
      : [''];
  for (const dir of (pathEnv ?? '').split(delimiter)) {
    if (dir === '') continue;
    for (const ext of exts) {
      const candidate = path.join(dir, name + ext);
      if (isExec(candidate)) {
        return candidate;
      }
    }
  }
  return undefined;
}

/** Printed by the probe as one JSON line; never the server itself. */
export const PYTHON_PROBE = `
import json, sys
r = {"python": sys.version.split()[0], "executable": sys.executable}
try:
    if sys.version_info < (3, 10):
        r["error"] = "Python 3.10 or newer is needed, this is Python " + r["python"]
    else:
        import importlib.util
        import textsweep
        r["textsweep"] = str(getattr(textsweep, "__version__", "?"))
        r["location"] = str(getattr(textsweep, "__file__", "?"))
        if importlib.util.find_spec("textsweep.__main__") is None:
            r["error"] = "this textsweep (" + r["location"] + ") has no server entry point"
        else:
            import pygls
except Exception as e:
    r["error"] = "cannot import the server: " + type(e).__name__ + ": " + str(e)
print(json.dumps(r))
`;

interface ProbeReport {
  python?: string;
  executable?: string;
  textsweep?: string;
  location?: string;
  error?: string;
}

function run(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<{ error: (Error & { code?: unknown }) | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      command,
      [...args],
      { env, timeout: timeoutMs, windowsHide: true, encoding: 'utf8', maxBuffer: 1 << 20 },
      (error, stdout, stderr) => {
        resolve({ error, stdout, stderr });
      },
    );
  });
}

export interface ProbeOptions {
  readonly baseEnv: NodeJS.ProcessEnv;
  readonly timeoutMs?: number;
}

/** Can `launch` start a server? Python launches are run once with a tiny script. */
export async function probeLaunch(launch: Launch, options: ProbeOptions): Promise<ProbeResult> {
  const env = { ...options.baseEnv, ...launch.env };
  const resolved = findExecutable(launch.command, env['PATH'], {
    pathExt: process.platform === 'win32' ? env['PATHEXT'] : undefined,
  });
  if (resolved === undefined) {
    return { ok: false, reason: `${launch.command} not found or not executable` };
  }
  const isPython = launch.args.join(' ').endsWith('-m textsweep serve');
  if (!isPython) {
    return { ok: true, detail: resolved };
  }
  const prefix = launch.args.slice(0, launch.args.length - 3);
  const { error, stdout, stderr } = await run(
    launch.command,
    [...prefix, '-c', PYTHON_PROBE],
    env,
    options.timeoutMs ?? 20000,
  );
  const lastLine = stdout.trim().split('\n').pop() ?? '';
  let report: ProbeReport | undefined;
  try {
    report = JSON.parse(lastLine) as ProbeReport;
  } catch {
    report = undefined;
  }
  if (report === undefined) {
    const why = error !== null ? error.message.split('\n')[0] ?? String(error) : 'no answer';
    const tail = stderr.trim().split('\n').slice(-1)[0] ?? '';
    return { ok: false, reason: `${launch.command} did not run (${why}${tail !== '' ? `: ${tail}` : ''})` };
  }
  if (report.error !== undefined) {
    return { ok: false, reason: `${report.error} (Python ${report.python ?? '?'} at ${report.executable ?? launch.command})` };
  }
  return {
    ok: true,
    detail: `Python ${report.python ?? '?'} at ${report.executable ?? resolved}, textsweep ${
      report.textsweep ?? '?'
    } from ${report.location ?? '?'}`,
  };
}
