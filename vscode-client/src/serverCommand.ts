// How the extension finds a textsweep server to start. No `vscode` import here: this
// module is unit-tested with Node's test runner.

/** Where a launch candidate comes from, in the order they are tried. */
export type LaunchSource =
  | 'setting:server.command'
  | 'setting:server.python'
  | 'path'
  | 'python-extension'
  | 'python3';

export interface Launch {
  readonly source: LaunchSource;
  readonly command: string;
  readonly args: readonly string[];
  /** Variables to add to (or override in) the environment of the server process. */
  readonly env: Readonly<Record<string, string>>;
  /** True when the server code is the copy bundled with the extension. */
  readonly usesBundle: boolean;
  /** For the log and the error notification. */
  readonly label: string;
}

export interface ResolveInput {
  /** `textsweep.server.command`: an argv array; empty or undefined means unset. */
  readonly commandSetting: readonly string[] | undefined;
  /** `textsweep.server.python`: empty or undefined means unset. */
  readonly pythonSetting: string | undefined;
  /** The Python extension's active interpreter as an argv prefix (e.g. `["/venv/bin/python"]`
   *  or `["conda", "run", "-n", "x", "python"]`); undefined when there is none. */
  readonly pythonExtensionInterpreter: readonly string[] | undefined;
  /** Absolute path of `bundled/libs` inside the extension, when it exists. */
  readonly bundledLibs: string | undefined;
  /** Finds an executable on PATH; returns its path or undefined. */
  readonly findExecutable: (name: string) => string | undefined;
  /** The environment the server would inherit (for PYTHONPATH). */
  readonly baseEnv: Readonly<Record<string, string | undefined>>;
  /** `path.delimiter` of the platform. */
  readonly pathDelimiter: string;
  /** A writable directory for Python's bytecode cache (the extension's global storage). */
  readonly pycacheDir?: string | undefined;
}

/** Module run by the Python candidates; `textsweep/__main__.py` handles `serve`. */
export const PYTHON_SERVER_ARGS: readonly string[] = ['-m', 'textsweep', 'serve'];

/** PYTHONPATH with `libs` first, keeping whatever the user had after it. */
export function pythonPathWith(
  libs: string,
  existing: string | undefined,
  delimiter: string,
): string {
  if (existing === undefined || existing === '') {
    return libs;
  }
  const rest = existing.split(delimiter).filter((p) => p !== '' && p !== libs);
  return [libs, ...rest].join(delimiter);
}

function pythonLaunch(
  source: LaunchSource,
  interpreter: readonly string[],
  input: ResolveInput,
  label: string,
): Launch | undefined {
  const [command, ...prefix] = interpreter;
  if (command === undefined || command.trim() === '') {
    return undefined;
  }
  const env: Record<string, string> = {
    PYTHONUNBUFFERED: '1',
    PYTHONIOENCODING: 'utf-8',
  };
  if (input.pycacheDir !== undefined && input.pycacheDir !== '') {
    // Compiling the bundle's modules takes about half a second at every start; cache the
    // bytecode in the extension's own storage (an empty PYTHONDONTWRITEBYTECODE is off).
    env['PYTHONPYCACHEPREFIX'] = input.pycacheDir;
    env['PYTHONDONTWRITEBYTECODE'] = '';
  } else {
    // Never write bytecode into the extension's folder (it may be read-only).
    env['PYTHONDONTWRITEBYTECODE'] = '1';
  }
  if (input.bundledLibs !== undefined) {
    env['PYTHONPATH'] = pythonPathWith(
      input.bundledLibs,
      input.baseEnv['PYTHONPATH'],
      input.pathDelimiter,
    );
    // A user site-packages holding an older textsweep or pygls must not win.
    env['PYTHONNOUSERSITE'] = '1';
  }
  return {
    source,
    command,
    args: [...prefix, ...PYTHON_SERVER_ARGS],
    env,
    usesBundle: input.bundledLibs !== undefined,
    label: `${label}: ${[command, ...prefix].join(' ')} ${PYTHON_SERVER_ARGS.join(' ')}${
      input.bundledLibs !== undefined ? ' (bundled server)' : ''
    }`,
  };
}

/**
 * Every way to start the server, best first.
 *
 * Explicit settings come before anything found implicitly, so a user who sets
 * `textsweep.server.python` gets that interpreter even when some `textsweep` is on PATH:
 *   1. `textsweep.server.command`
 *   2. `textsweep.server.python` running the bundled server
 *   3. `textsweep` on PATH (`textsweep serve`)
 *   4. the Python extension's active interpreter running the bundled server
 *   5. `python3` (`python` on Windows) running the bundled server
 */
export function candidateLaunches(input: ResolveInput): Launch[] {
  const out: Launch[] = [];
  const cmd = (input.commandSetting ?? []).filter((a) => a !== '');
  const [first, ...rest] = cmd;
  if (first !== undefined) {
    out.push({
      source: 'setting:server.command',
      command: first,
      args: rest,
      env: {},
      usesBundle: false,
      label: `textsweep.server.command: ${cmd.join(' ')}`,
    });
  }
  const py = input.pythonSetting?.trim();
  if (py !== undefined && py !== '') {
    const l = pythonLaunch('setting:server.python', [py], input, 'textsweep.server.python');
    if (l !== undefined) out.push(l);
  }
  const onPath = input.findExecutable('textsweep');
  if (onPath !== undefined) {
    out.push({
      source: 'path',
      command: onPath,
      args: ['serve'],
      env: {},
      usesBundle: false,
      label: `textsweep on PATH: ${onPath} serve`,
    });
  }
  if (input.pythonExtensionInterpreter !== undefined) {
    const l = pythonLaunch(
      'python-extension',
      input.pythonExtensionInterpreter,
      input,
      'Python extension interpreter',
    );
    if (l !== undefined) out.push(l);
  }
  const fallback = input.pathDelimiter === ';' ? 'python' : 'python3';
  const l = pythonLaunch('python3', [fallback], input, fallback);
  if (l !== undefined) out.push(l);
  return out;
}

/** Was this candidate chosen by the user (so skipping it deserves a warning)? */
export function isExplicit(launch: Launch): boolean {
  return launch.source === 'setting:server.command' || launch.source === 'setting:server.python';
}

export interface ProbeOk {
  readonly ok: true;
  readonly detail: string;
}
export interface ProbeFailed {
  readonly ok: false;
  readonly reason: string;
}
export type ProbeResult = ProbeOk | ProbeFailed;

export interface Resolution {
  /** The first candidate whose probe passed; undefined when none did. */
  readonly launch: Launch | undefined;
  readonly detail: string;
  /** Candidates tried before it, with why each was passed over. */
  readonly skipped: readonly { readonly launch: Launch; readonly reason: string }[];
}

/** Probes candidates in order and picks the first that works. */
export async function resolveLaunch(
  candidates: readonly Launch[],
  probe: (launch: Launch) => Promise<ProbeResult>,
): Promise<Resolution> {
  const skipped: { launch: Launch; reason: string }[] = [];
  for (const launch of candidates) {
    const result = await probe(launch);
    if (result.ok) {
      return { launch, detail: result.detail, skipped };
    }
    skipped.push({ launch, reason: result.reason });
  }
  return { launch: undefined, detail: '', skipped };
}

/**
 * The whole start-up choice: settings and PATH first; only when none of those works is
 * the Python extension asked for its interpreter (waking it can take seconds), before
 * the `python3` fallback. Order is that of {@link candidateLaunches}.
 */
export async function resolveServer(
  input: ResolveInput,
  probe: (launch: Launch) => Promise<ProbeResult>,
  pythonExtensionInterpreter: () => Promise<readonly string[] | undefined>,
): Promise<Resolution> {
  const base = { ...input, pythonExtensionInterpreter: undefined };
  const early = await resolveLaunch(
    candidateLaunches(base).filter((c) => c.source !== 'python3'),
    probe,
  );
  if (early.launch !== undefined) return early;
  const late = candidateLaunches({ ...base, pythonExtensionInterpreter: await pythonExtensionInterpreter() })
    .filter((c) => c.source === 'python-extension' || c.source === 'python3');
  const rest = await resolveLaunch(late, probe);
  return { ...rest, skipped: [...early.skipped, ...rest.skipped] };
}

/** The one message shown when no candidate works. */
export function describeFailure(resolution: Resolution): string {
  if (resolution.skipped.length === 0) {
    return 'textsweep: no way to start the language server was found.';
  }
  const reasons = resolution.skipped.map((s) => `${s.launch.label} — ${s.reason}`);
  return (
    'textsweep could not start its language server. Install Python 3.10 or newer, or set ' +
    '"textsweep.server.command". Tried: ' +
    reasons.join('; ')
  );
}
