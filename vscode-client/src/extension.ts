// The textsweep VS Code extension: starts the language server, forwards settings, and
// adds commands and a status bar item on top of plain LSP.

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  ApplyWorkspaceEditRequest,
  CloseAction,
  ErrorAction,
  ErrorCodes,
  ExecuteCommandRequest,
  LanguageClient,
  LSPErrorCodes,
  ResponseError,
  RevealOutputChannelOn,
  State,
  TransportKind,
  WorkDoneProgress,
  type ApplyWorkspaceEditParams,
  type ApplyWorkspaceEditResult,
  type LanguageClientOptions,
  type ServerOptions,
  type WorkspaceEdit as LspWorkspaceEdit,
  vsdiag,
} from 'vscode-languageclient/node';

import { findExecutable, probeLaunch } from './probe';
import {
  describeFailure,
  isExplicit,
  resolveServer,
  type Launch,
  type ProbeResult,
  type ResolveInput,
} from './serverCommand';
import {
  buildDocumentSelector,
  readCommandSetting,
  RESTART_SETTINGS,
  toServerSettings,
  type DocumentFilter,
} from './settings';
import {
  displayEncoding,
  formatStatus,
  toDocumentInfo,
  type DocumentInfo,
  type ServerState,
  type WorkspaceStatus,
} from './status';
import {
  checkMessage,
  count,
  describeProgress,
  editedUris,
  fixDoneMessage,
  fixQuestion,
  nextProgress,
  pullMessage,
  ServerCommands,
  splitForSaving,
  staleUris,
  toCheckSummary,
  toFixSummary,
  totalsText,
  WorkspaceTally,
  type ProgressValue,
  type ScanProgress,
} from './workspace';

const SECTION = 'textsweep';
const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('textsweep');
const PROBLEMS_COMMAND = 'workbench.actions.view.problems';
/** A server task shows in the status bar once it has run this long (no flicker for the
 *  quick re-scans of workspace diagnostics). */
const SHOW_SCAN_AFTER_MS = 400;
/** How long the totals of "Check the workspace" stay in the status bar. */
const SHOW_TOTALS_MS = 15_000;

/** Custom requests, docs/lsp-extensions.md. */
const Requests = {
  documentInfo: 'textsweep/documentInfo',
  encodingCandidates: 'textsweep/encodingCandidates',
  reloadWithEncoding: 'textsweep/reloadWithEncoding',
} as const;

interface EncodingCandidate {
  encoding: string;
  confidence: number;
  lossless: boolean;
  preview: string;
}

/** The parts of the Python extension's API used here (both its old and new shapes). */
interface PythonExtensionApi {
  environments?: {
    getActiveEnvironmentPath?: (resource?: vscode.Uri) => { path: string } | undefined;
    resolveEnvironment?: (
      env: { path: string } | string,
    ) => Promise<{ executable?: { uri?: vscode.Uri } } | undefined>;
  };
  settings?: {
    getExecutionDetails?: (resource?: vscode.Uri) => { execCommand?: string[] } | undefined;
  };
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function isMethodNotFound(e: unknown): boolean {
  return e instanceof ResponseError && e.code === (ErrorCodes.MethodNotFound as number);
}

function withTimeout<T>(p: PromiseLike<T>, ms: number): Promise<T | undefined> {
  return Promise.race([
    Promise.resolve(p),
    new Promise<undefined>((resolve) => setTimeout(() => { resolve(undefined); }, ms)),
  ]);
}

class Controller implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private selector: DocumentFilter[] = [];
  private state: ServerState = 'stopped';
  private stateDetail = '';
  private info: DocumentInfo | undefined;
  private documentInfoSupported = true;
  private infoRetries = 0;
  private failureShown = false;
  private crashes: number[] = [];
  private queue: Promise<void> = Promise.resolve();
  private infoTimer: NodeJS.Timeout | undefined;
  /** Running server tasks by `$/progress` token, with when they began. */
  private readonly scans = new Map<string, { progress: ScanProgress; since: number }>();
  private renderTimer: NodeJS.Timeout | undefined;
  private workspaceTotals: { text: string; until: number } | undefined;
  /** Set while "Fix all problems in the workspace" waits for the server's
   *  workspace/applyEdit: which documents the edit touched, and which of them had
   *  unsaved changes before it. */
  private workspaceFix: { edited: string[]; dirtyBefore: Set<string> } | undefined;
  private editQueue: Promise<unknown> = Promise.resolve();
  /** Problems per file from the workspace diagnostics the client pulls by itself. */
  private readonly tally = new WorkspaceTally();
  private pulls = 0;
  private pushDropLogged = false;
  /** Told of every change of a running server task (the command notifications). */
  private readonly progressListeners = new Set<(p: ScanProgress) => void>();
  private readonly disposables: { dispose(): unknown }[] = [];
  readonly log: vscode.LogOutputChannel;
  private readonly status: vscode.StatusBarItem;

  constructor(private readonly context: vscode.ExtensionContext) {
    this.log = vscode.window.createOutputChannel('textsweep', { log: true });
    this.status = vscode.window.createStatusBarItem('textsweep.status', vscode.StatusBarAlignment.Right, 100);
    this.status.name = 'textsweep';
    this.status.command = 'textsweep.menu';
    this.disposables.push(
      this.log,
      this.status,
      vscode.window.onDidChangeActiveTextEditor(() => {
        this.infoRetries = 0;
        this.scheduleInfo(0);
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active !== undefined && e.uris.some((u) => u.toString() === active)) this.scheduleInfo(250);
      }),
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (d === vscode.window.activeTextEditor?.document) this.scheduleInfo(250);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => { this.onConfigurationChanged(e); }),
    );
    this.render();
    this.status.show();
  }

  /** Runs start/stop/restart one at a time. */
  private enqueue(op: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(op).catch((e: unknown) => {
      this.log.error(`textsweep: ${errorMessage(e)}`);
    });
    return this.queue;
  }

  start(): Promise<void> {
    return this.enqueue(() => this.doStart());
  }

  stop(): Promise<void> {
    return this.enqueue(() => this.doStop());
  }

  restart(): Promise<void> {
    return this.enqueue(async () => {
      this.failureShown = false;
      this.crashes = [];
      this.documentInfoSupported = true;
      await this.doStop();
      await this.doStart();
    });
  }

  private setState(state: ServerState, detail = ''): void {
    this.state = state;
    this.stateDetail = detail;
    if (state !== 'running') {
      this.info = undefined;
      this.scans.clear();
      this.tally.clear();
      this.workspaceTotals = undefined;
    }
    this.render();
  }

  /** Workspace totals to show instead of the file's details, if any. */
  private workspaceStatus(): WorkspaceStatus | undefined {
    const now = Date.now();
    let latest: { progress: ScanProgress; since: number } | undefined;
    for (const s of this.scans.values()) {
      if (now - s.since >= SHOW_SCAN_AFTER_MS && (latest === undefined || s.since > latest.since)) latest = s;
    }
    if (latest !== undefined) return { scanning: true, text: describeProgress(latest.progress) };
    if (this.workspaceTotals !== undefined && now < this.workspaceTotals.until) {
      return { scanning: false, text: this.workspaceTotals.text };
    }
    return undefined;
  }

  private renderIn(ms: number): void {
    if (this.renderTimer !== undefined) clearTimeout(this.renderTimer);
    this.renderTimer = setTimeout(() => {
      this.renderTimer = undefined;
      this.render();
    }, ms);
  }

  /** Every `$/progress` of the server (middleware.handleWorkDoneProgress). */
  private onProgress(token: string, value: ProgressValue): void {
    const prev = this.scans.get(token);
    const next = nextProgress(prev?.progress, value);
    if (next === undefined) this.scans.delete(token);
    else this.scans.set(token, { progress: next, since: prev?.since ?? Date.now() });
    if (next !== undefined && prev === undefined) this.renderIn(SHOW_SCAN_AFTER_MS + 10);
    if (next !== undefined) for (const listener of this.progressListeners) listener(next);
    this.render();
  }

  /** middleware.provideWorkspaceDiagnostics: vscode-languageclient pulls
   *  `workspace/diagnostic` by itself (again 2 s after each answer) and sends no
   *  work-done token, so the status bar counts the reports as they stream in. */
  private pullWorkspace(
    resultIds: vsdiag.PreviousResultId[],
    token: vscode.CancellationToken,
    reporter: vsdiag.ResultReporter,
    next: (ids: vsdiag.PreviousResultId[], token: vscode.CancellationToken, reporter: vsdiag.ResultReporter) =>
      vscode.ProviderResult<vsdiag.WorkspaceDiagnosticReport>,
  ): vscode.ProviderResult<vsdiag.WorkspaceDiagnosticReport> {
    this.pulls += 1;
    const key = `pull:${String(this.pulls)}`;
    this.tally.startPull();
    this.onProgress(key, { kind: 'begin', title: 'checking the workspace', message: pullMessage(this.tally) });
    const counting: vsdiag.ResultReporter = (chunk) => {
      if (chunk !== null) {
        this.tally.record(chunk.items.map((item) => ({
          uri: item.uri.toString(),
          kind: item.kind === vsdiag.DocumentDiagnosticReportKind.full ? 'full' : 'unChanged',
          problems: item.kind === vsdiag.DocumentDiagnosticReportKind.full ? item.items.length : 0,
        })));
        if (this.scans.has(key)) this.onProgress(key, { kind: 'report', message: pullMessage(this.tally) });
      }
      reporter(chunk);
    };
    const end = (): void => {
      this.onProgress(key, { kind: 'end' });
      this.log.debug(`Workspace diagnostics: ${totalsText(this.tally.totals())}`);
    };
    try {
      const result = next(resultIds, token, counting);
      void Promise.resolve(result).then(end, end);
      return result;
    } catch (e) {
      end();
      throw e;
    }
  }

  private render(): void {
    const view = formatStatus(this.state, this.info, this.stateDetail, this.workspaceStatus());
    this.status.text = view.text;
    this.status.tooltip = view.tooltip;
    this.status.command = view.opensProblems ? PROBLEMS_COMMAND : 'textsweep.menu';
    this.status.backgroundColor =
      this.state === 'failed' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  }

  /** One notification per failure, with a button that opens the log. */
  private fail(reason: string): void {
    this.setState('failed', reason);
    this.log.error(reason);
    if (this.failureShown) return;
    this.failureShown = true;
    void vscode.window.showErrorMessage(reason, 'Show log', 'Open settings').then((choice) => {
      if (choice === 'Show log') this.log.show();
      if (choice === 'Open settings') void vscode.commands.executeCommand('workbench.action.openSettings', 'textsweep.server');
    });
  }

  private async pythonExtensionInterpreter(): Promise<string[] | undefined> {
    const ext = vscode.extensions.getExtension<PythonExtensionApi>('ms-python.python');
    if (ext === undefined) return undefined;
    try {
      const api = ext.isActive ? ext.exports : await withTimeout(ext.activate(), 15000);
      if (api === undefined) {
        this.log.warn('The Python extension did not activate within 15 s; not using its interpreter');
        return undefined;
      }
      const resource = vscode.window.activeTextEditor?.document.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
      const envPath = api.environments?.getActiveEnvironmentPath?.(resource);
      if (envPath !== undefined) {
        const resolved = await api.environments?.resolveEnvironment?.(envPath);
        const exe = resolved?.executable?.uri?.fsPath ?? envPath.path;
        if (exe !== '') return [exe];
      }
      const exec = api.settings?.getExecutionDetails?.(resource)?.execCommand;
      if (exec !== undefined && exec.length > 0) return exec;
    } catch (e) {
      this.log.warn(`Could not ask the Python extension for its interpreter: ${errorMessage(e)}`);
    }
    return undefined;
  }

  private bundledLibs(): string | undefined {
    const libs = this.context.asAbsolutePath(path.join('bundled', 'libs'));
    if (fs.existsSync(path.join(libs, 'textsweep'))) {
      return libs;
    }
    this.log.warn(`No bundled server in ${libs}; Python candidates use the interpreter's own textsweep`);
    return undefined;
  }

  private pycacheDir(): string | undefined {
    const dir = path.join(this.context.globalStorageUri.fsPath, 'pycache');
    try {
      fs.mkdirSync(dir, { recursive: true });
      return dir;
    } catch (e) {
      this.log.warn(`No bytecode cache (${errorMessage(e)}); the server starts a little slower`);
      return undefined;
    }
  }

  private async doStart(): Promise<void> {
    const pkg = this.context.extension.packageJSON as { version?: string };
    this.log.info(`textsweep ${pkg.version ?? '?'} in VS Code ${vscode.version}`);
    const config = vscode.workspace.getConfiguration(SECTION);
    if (!config.get<boolean>('enable', true)) {
      this.setState('disabled', 'textsweep.enable is false');
      return;
    }
    this.setState('starting');
    const { selector, warnings } = buildDocumentSelector(config.get<unknown>('documentSelector'));
    for (const w of warnings) this.log.warn(w);
    this.selector = selector;

    const input: ResolveInput = {
      commandSetting: readCommandSetting(config.get<unknown>('server.command')),
      pythonSetting: config.get<string>('server.python'),
      pythonExtensionInterpreter: undefined,
      bundledLibs: this.bundledLibs(),
      findExecutable: (name) => findExecutable(name, process.env['PATH'], {
        pathExt: process.platform === 'win32' ? process.env['PATHEXT'] : undefined,
      }),
      baseEnv: process.env,
      pathDelimiter: path.delimiter,
      pycacheDir: this.pycacheDir(),
    };
    const probe = async (launch: Launch): Promise<ProbeResult> => {
      const t = Date.now();
      const result = await probeLaunch(launch, { baseEnv: process.env });
      if (result.ok) this.log.debug(`Checked ${launch.label} in ${Date.now() - t} ms`);
      else this.log.warn(`Cannot use ${launch.label}: ${result.reason}`);
      return result;
    };
    const resolution = await resolveServer(input, probe, () => this.pythonExtensionInterpreter());
    const launch = resolution.launch;
    if (launch === undefined) {
      this.fail(describeFailure(resolution));
      return;
    }
    const explicitSkipped = resolution.skipped.find((s) => isExplicit(s.launch));
    if (explicitSkipped !== undefined) {
      void vscode.window
        .showWarningMessage(
          `textsweep: ${explicitSkipped.launch.label} did not work (${explicitSkipped.reason}); using ${launch.label} instead.`,
          'Show log',
        )
        .then((c) => { if (c === 'Show log') this.log.show(); });
    }
    this.log.info(`Starting the server with ${launch.label} [${resolution.detail}]`);
    const t = Date.now();
    await this.startClient(launch);
    if (this.client?.state === State.Running) this.log.info(`The server is running (started in ${Date.now() - t} ms)`);
  }

  private async startClient(launch: Launch): Promise<void> {
    const serverOptions: ServerOptions = {
      command: launch.command,
      args: [...launch.args],
      transport: TransportKind.stdio,
      options: { env: { ...process.env, ...launch.env } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: this.selector,
      outputChannel: this.log,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      // Pushes workspace/didChangeConfiguration when any textsweep.* setting changes; the
      // server then pulls the section again (workspace/configuration, middleware below).
      // eslint-disable-next-line @typescript-eslint/no-deprecated
      synchronize: { configurationSection: SECTION },
      initializationFailedHandler: (error: unknown) => {
        this.fail(`textsweep: the language server (${launch.label}) failed to initialize: ${errorMessage(error)}`);
        return false;
      },
      errorHandler: {
        error: (error, _message, count) => {
          this.log.error(`Connection error: ${error.message}`);
          return { action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
        },
        closed: () => {
          const now = Date.now();
          this.crashes = this.crashes.filter((t) => now - t < 180_000);
          this.crashes.push(now);
          if (this.crashes.length >= 5) {
            this.fail(
              `textsweep: the language server (${launch.label}) stopped ${this.crashes.length} times in 3 minutes; it will not be restarted. See the log, then run "textsweep: Restart server".`,
            );
            return { action: CloseAction.DoNotRestart, handled: true };
          }
          this.log.warn('The server stopped unexpectedly; restarting it');
          return { action: CloseAction.Restart, handled: true };
        },
      },
      middleware: {
        // A server that serves pulled diagnostics (textDocument/diagnostic, and
        // workspace/diagnostic for closed files) must not push them too: VS Code keeps
        // the two in separate collections and the Problems panel would list every
        // problem twice, and keep pushed ones after the file is fixed. Pushes from such
        // a server are dropped (and logged once).
        handleDiagnostics: (uri, diagnostics, next) => {
          if (client.initializeResult?.capabilities.diagnosticProvider === undefined) {
            next(uri, diagnostics);
            return;
          }
          if (!this.pushDropLogged) {
            this.pushDropLogged = true;
            this.log.warn(`The server pulls diagnostics but also pushed some (${uri.toString()}); pushed diagnostics are ignored`);
          }
        },
        handleWorkDoneProgress: (token, params, next) => {
          if (this.client === client) this.onProgress(String(token), params);
          next(token, params);
        },
        provideWorkspaceDiagnostics: (resultIds, token, reporter, next) =>
          this.pullWorkspace(resultIds, token, reporter, next),
        workspace: {
          configuration: async (params, token, next) => {
            const result = await next(params, token);
            if (!Array.isArray(result)) return result;
            return result.map((value: unknown, i) =>
              params.items[i]?.section === SECTION ? toServerSettings(value) : value,
            );
          },
        },
      },
    };
    const client = new LanguageClient('textsweep', 'textsweep', serverOptions, clientOptions);
    this.client = client;
    // Replaces the client's own handler (registered handlers win): the same version check
    // and applyEdit, plus what "Fix all problems in the workspace" needs to know.
    client.onRequest(ApplyWorkspaceEditRequest.type, (params) => this.applyServerEdit(client, params));
    client.onDidChangeState((e) => {
      if (this.client !== client) return;
      if (e.newState === State.Running) {
        this.setState('running', launch.label);
        // The client sends didOpen for the open documents just after this event: ask
        // about the active one once those are on their way.
        this.scheduleInfo(250);
      } else if (e.newState === State.Starting) {
        this.setState('starting', launch.label);
      } else if (this.state !== 'failed') {
        this.setState('stopped');
      }
    });
    try {
      await client.start();
      this.logWorkspaceSupport(client);
    } catch (e) {
      this.fail(`textsweep: the language server (${launch.label}) did not start: ${errorMessage(e)}`);
    }
  }

  private async doStop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client !== undefined) {
      try {
        if (client.state !== State.Stopped) await client.stop(5000);
      } catch (e) {
        this.log.warn(`Stopping the server: ${errorMessage(e)}`);
      }
      try {
        await client.dispose(2000);
      } catch {
        // already stopped
      }
    }
    this.setState('stopped');
  }

  private onConfigurationChanged(e: vscode.ConfigurationChangeEvent): void {
    if (e.affectsConfiguration('textsweep.enable')) {
      const enabled = vscode.workspace.getConfiguration(SECTION).get<boolean>('enable', true);
      this.log.info(`textsweep.enable is now ${String(enabled)}`);
      void (enabled ? this.restart() : this.enqueue(async () => {
        await this.doStop();
        this.setState('disabled', 'textsweep.enable is false');
      }));
      return;
    }
    if (RESTART_SETTINGS.some((s) => e.affectsConfiguration(s))) {
      this.log.info('Server settings changed; restarting the server');
      void this.restart();
    }
    // Everything else reaches the running server through workspace/didChangeConfiguration.
  }

  private scheduleInfo(delayMs: number): void {
    if (this.infoTimer !== undefined) clearTimeout(this.infoTimer);
    this.infoTimer = setTimeout(() => { void this.refreshInfo(); }, delayMs);
  }

  private activeCheckedDocument(): vscode.TextDocument | undefined {
    const doc = vscode.window.activeTextEditor?.document;
    if (doc === undefined) return undefined;
    return vscode.languages.match(this.selector, doc) > 0 ? doc : undefined;
  }

  private async refreshInfo(): Promise<void> {
    const client = this.client;
    const doc = this.activeCheckedDocument();
    if (client?.state !== State.Running || doc === undefined || !this.documentInfoSupported) {
      this.info = undefined;
      this.render();
      return;
    }
    try {
      const result: unknown = await client.sendRequest(Requests.documentInfo, {
        uri: client.code2ProtocolConverter.asUri(doc.uri),
      });
      this.info = toDocumentInfo(result);
      this.infoRetries = 0;
      if (this.info === undefined) this.log.warn(`${Requests.documentInfo}: unexpected answer ${JSON.stringify(result)}`);
    } catch (e) {
      if (isMethodNotFound(e)) {
        this.documentInfoSupported = false;
        this.log.info(`The server does not implement ${Requests.documentInfo}; the status bar shows the server state only`);
      } else {
        this.log.debug(`${Requests.documentInfo}: ${errorMessage(e)}`);
        // The server may not have processed didOpen yet: ask again shortly, a few times.
        if (e instanceof ResponseError && e.code === (ErrorCodes.InvalidParams as number) && this.infoRetries < 3) {
          this.infoRetries += 1;
          this.scheduleInfo(300 * this.infoRetries);
        }
      }
      this.info = undefined;
    }
    this.render();
  }

  private runningClient(): LanguageClient | undefined {
    if (this.client?.state === State.Running) return this.client;
    void vscode.window.showWarningMessage(`textsweep: the server is not running (${this.state}).`, 'Show log', 'Restart server')
      .then((c) => {
        if (c === 'Show log') this.log.show();
        if (c === 'Restart server') void this.restart();
      });
    return undefined;
  }

  private logWorkspaceSupport(client: LanguageClient): void {
    const caps = client.initializeResult?.capabilities;
    const provider = caps?.diagnosticProvider;
    const pulled = provider !== undefined && 'workspaceDiagnostics' in provider && provider.workspaceDiagnostics;
    const commands = caps?.executeCommandProvider?.commands ?? [];
    this.log.info(
      `Workspace diagnostics: ${pulled ? 'on (problems of closed files too)' : 'off (open files only)'}; ` +
      `server commands: ${commands.length > 0 ? commands.join(', ') : 'none'}`,
    );
  }

  private serverHas(client: LanguageClient, command: string): boolean {
    return client.initializeResult?.capabilities.executeCommandProvider?.commands.includes(command) ?? false;
  }

  /** The running client, if the server has `command` and a folder is open; else says why. */
  private workspaceClient(command: string, what: string): LanguageClient | undefined {
    if ((vscode.workspace.workspaceFolders ?? []).length === 0) {
      void vscode.window.showInformationMessage(`textsweep: open a folder to ${what}.`);
      return undefined;
    }
    const client = this.runningClient();
    if (client === undefined) return undefined;
    if (!this.serverHas(client, command)) {
      void vscode.window.showWarningMessage(`textsweep: this version of the server cannot ${what} (no ${command}). Update textsweep.`);
      return undefined;
    }
    return client;
  }

  /**
   * `workspace/executeCommand` with a work-done token of our own: its `$/progress`
   * shows in a notification (and, through the middleware, in the status bar). Undefined
   * when cancelled or failed (the failure is shown).
   */
  private async runServerCommand(
    client: LanguageClient,
    command: string,
    args: unknown[],
    title: string,
    cancellable: boolean,
  ): Promise<unknown> {
    const token = `textsweep/${command}/${String(Date.now())}`;
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title, cancellable },
      async (progress, cancel) => {
        // The server may report on a token of its own (window/workDoneProgress/create)
        // rather than ours: show whatever task it reports meanwhile.
        const listener = (p: ScanProgress): void => {
          progress.report({ message: p.message.trim() !== '' ? p.message : describeProgress(p) });
        };
        this.progressListeners.add(listener);
        const sub = client.onProgress(WorkDoneProgress.type, token, () => { /* seen by the middleware */ });
        try {
          const result: unknown = await client.sendRequest(
            ExecuteCommandRequest.type, { command, arguments: args, workDoneToken: token }, cancel,
          );
          return result;
        } catch (e) {
          const cancelled = cancel.isCancellationRequested ||
            (e instanceof ResponseError && e.code === LSPErrorCodes.RequestCancelled);
          if (cancelled) {
            this.log.info(`${command}: cancelled`);
          } else {
            this.log.error(`${command}: ${errorMessage(e)}`);
            void vscode.window.showErrorMessage(`textsweep: ${errorMessage(e)}`, 'Show log')
              .then((c) => { if (c === 'Show log') this.log.show(); });
          }
          return undefined;
        } finally {
          sub.dispose();
          this.progressListeners.delete(listener);
        }
      },
    );
  }

  /** workspace/applyEdit from the server. */
  private applyServerEdit(client: LanguageClient, params: ApplyWorkspaceEditParams): Promise<ApplyWorkspaceEditResult> {
    const run = async (): Promise<ApplyWorkspaceEditResult> => {
      const p2c = client.protocol2CodeConverter;
      const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
      const openDoc = (uri: string): vscode.TextDocument | undefined => open.get(p2c.asUri(uri).toString());
      const stale = staleUris(params.edit, (uri) => openDoc(uri)?.version);
      if (stale.length > 0) {
        this.log.warn(`Not applying the server's edit: ${stale.join(', ')} changed meanwhile`);
        return { applied: false, failureReason: `changed meanwhile: ${stale.join(', ')}` };
      }
      const fix = this.workspaceFix;
      if (fix !== undefined) {
        for (const uri of editedUris(params.edit)) {
          const key = p2c.asUri(uri).toString();
          fix.edited.push(key);
          if (openDoc(uri)?.isDirty === true) fix.dirtyBefore.add(key);
        }
      }
      const edit = await p2c.asWorkspaceEdit(params.edit);
      const applied = await vscode.workspace.applyEdit(edit);
      return { applied };
    };
    // One edit at a time, in the order they came.
    const result = this.editQueue.then(run, run);
    this.editQueue = result.catch(() => undefined);
    return result;
  }

  async checkWorkspace(): Promise<void> {
    const client = this.workspaceClient(ServerCommands.checkWorkspace, 'check the workspace');
    if (client === undefined) return;
    const result = await this.runServerCommand(client, ServerCommands.checkWorkspace, [], 'textsweep: checking the workspace', true);
    if (result === undefined) return;
    const summary = toCheckSummary(result);
    if (summary === undefined) {
      this.log.error(`${ServerCommands.checkWorkspace}: unexpected answer ${JSON.stringify(result)}`);
      void vscode.window.showErrorMessage('textsweep: the server gave an answer this extension does not understand. Update textsweep.');
      return;
    }
    this.workspaceTotals = {
      text: `${count(summary.problems, 'problem')} in ${count(summary.files, 'file')}`,
      until: Date.now() + SHOW_TOTALS_MS,
    };
    this.render();
    this.renderIn(SHOW_TOTALS_MS + 10);
    const choice = summary.problems > 0
      ? await vscode.window.showInformationMessage(checkMessage(summary), 'Show problems')
      : await vscode.window.showInformationMessage(checkMessage(summary));
    if (choice === 'Show problems') await vscode.commands.executeCommand(PROBLEMS_COMMAND);
  }

  /**
   * Dry run, a modal "Fix N problems in M files?", then the server's workspace/applyEdit
   * (one undoable edit; files not open come in as unsaved documents). The edited files
   * that had no unsaved changes before are then saved, so the fixes are on disk, as with
   * `textsweep fix`; the others keep their unsaved changes and the fixes on top.
   */
  async fixWorkspace(): Promise<void> {
    const client = this.workspaceClient(ServerCommands.fixWorkspace, 'fix the workspace');
    if (client === undefined) return;
    const dry = await this.runServerCommand(
      client, ServerCommands.fixWorkspace, [{ dryRun: true }], 'textsweep: looking for fixes in the workspace', true,
    );
    if (dry === undefined) return;
    const planned = toFixSummary(dry);
    if (planned === undefined) {
      this.log.error(`${ServerCommands.fixWorkspace}: unexpected answer ${JSON.stringify(dry)}`);
      void vscode.window.showErrorMessage('textsweep: the server gave an answer this extension does not understand. Update textsweep.');
      return;
    }
    if (planned.fixes === 0) {
      void vscode.window.showInformationMessage('textsweep: nothing to fix in the workspace.');
      return;
    }
    const go = await vscode.window.showWarningMessage(
      fixQuestion(planned),
      {
        modal: true,
        detail: 'Only the safe fixes are applied, as `textsweep fix` does. Files without unsaved changes are saved afterwards.',
      },
      'Fix',
    );
    if (go !== 'Fix') return;
    this.workspaceFix = { edited: [], dirtyBefore: new Set() };
    let result: unknown;
    let fix: { edited: string[]; dirtyBefore: Set<string> };
    try {
      result = await this.runServerCommand(
        client, ServerCommands.fixWorkspace, [{ dryRun: false }], 'textsweep: fixing the workspace', false,
      );
    } finally {
      fix = this.workspaceFix;
      this.workspaceFix = undefined;
    }
    if (result === undefined) return;
    const done = toFixSummary(result);
    if (done?.applied !== true) {
      this.log.warn(`${ServerCommands.fixWorkspace}: ${JSON.stringify(result)}`);
      void vscode.window.showErrorMessage('textsweep: the fixes were not applied (a file changed meanwhile?). Nothing was changed.');
      return;
    }
    const { save, leave } = splitForSaving(fix.edited, fix.dirtyBefore);
    let saved = 0;
    for (const key of save) {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
      if (doc === undefined || !doc.isDirty) continue;
      try {
        if (await doc.save()) saved += 1;
        else this.log.warn(`Could not save ${key}`);
      } catch (e) {
        this.log.warn(`Could not save ${key}: ${errorMessage(e)}`);
      }
    }
    this.log.info(fixDoneMessage(done, saved, leave.length));
    void vscode.window.showInformationMessage(fixDoneMessage(done, saved, leave.length));
  }

  async fixAll(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (editor === undefined) {
      void vscode.window.showInformationMessage('textsweep: open a file first.');
      return;
    }
    if (this.runningClient() === undefined) return;
    const doc = editor.document;
    const range = new vscode.Range(new vscode.Position(0, 0), doc.lineAt(doc.lineCount - 1).range.end);
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[] | undefined>(
      'vscode.executeCodeActionProvider', doc.uri, range, FIX_ALL_KIND.value, 5,
    );
    const ours = (actions ?? []).filter(
      (a): a is vscode.CodeAction => a instanceof vscode.CodeAction || ('kind' in a && a.kind !== undefined),
    ).filter((a) => a.kind !== undefined && FIX_ALL_KIND.contains(a.kind));
    const action = ours[0];
    if (action === undefined) {
      vscode.window.setStatusBarMessage('textsweep: nothing to fix in this file', 4000);
      return;
    }
    if (action.edit !== undefined && !(await vscode.workspace.applyEdit(action.edit))) {
      void vscode.window.showErrorMessage('textsweep: the fixes could not be applied (the file changed meanwhile?)');
      return;
    }
    if (action.command !== undefined) {
      const args: unknown[] = action.command.arguments ?? [];
      await vscode.commands.executeCommand(action.command.command, ...args);
    }
  }

  async reloadWithEncoding(): Promise<void> {
    const doc = vscode.window.activeTextEditor?.document;
    if (doc === undefined) {
      void vscode.window.showInformationMessage('textsweep: open a file first.');
      return;
    }
    if (doc.uri.scheme !== 'file') {
      void vscode.window.showInformationMessage('textsweep: only files saved on disk can be reloaded with another encoding.');
      return;
    }
    const client = this.runningClient();
    if (client === undefined) return;
    const uri = client.code2ProtocolConverter.asUri(doc.uri);
    let candidates: EncodingCandidate[];
    try {
      const result = await client.sendRequest<{ candidates?: EncodingCandidate[] } | null>(Requests.encodingCandidates, { uri });
      candidates = result?.candidates ?? [];
    } catch (e) {
      void vscode.window.showErrorMessage(
        isMethodNotFound(e)
          ? 'textsweep: this version of the server cannot reload files with another encoding. Update textsweep.'
          : `textsweep: could not read the encodings of this file: ${errorMessage(e)}`,
      );
      return;
    }
    const offered = candidates.filter((c) => c.lossless);
    if (offered.length === 0) {
      void vscode.window.showInformationMessage(
        candidates.length === 0
          ? 'textsweep: no other encoding fits this file.'
          : 'textsweep: no encoding decodes every byte of this file; nothing to offer (no lossy conversion).',
      );
      return;
    }
    type Item = vscode.QuickPickItem & { encoding: string };
    const items: Item[] = offered.map((c) => ({
      label: displayEncoding(c.encoding),
      description: `${Math.round(c.confidence * 100)}%`,
      detail: c.preview.replace(/\s+/g, ' ').slice(0, 200),
      encoding: c.encoding,
    }));
    const picked = await vscode.window.showQuickPick(items, {
      title: 'textsweep: reload file with encoding',
      placeHolder: 'Encoding the bytes on disk are in (best first)',
      matchOnDetail: true,
    });
    if (picked === undefined) return;
    if (doc.isDirty) {
      const go = await vscode.window.showWarningMessage(
        `Reloading replaces the unsaved changes in ${path.basename(doc.uri.fsPath)}.`,
        { modal: true },
        'Reload',
      );
      if (go !== 'Reload') return;
    }
    try {
      const edit = await client.sendRequest<LspWorkspaceEdit | null>(Requests.reloadWithEncoding, { uri, encoding: picked.encoding });
      if (edit === null) return;
      const applied = await vscode.workspace.applyEdit(await client.protocol2CodeConverter.asWorkspaceEdit(edit));
      if (applied) {
        vscode.window.setStatusBarMessage(`textsweep: reloaded as ${picked.label}; save to write UTF-8`, 6000);
      } else {
        void vscode.window.showErrorMessage('textsweep: the reloaded text could not be applied.');
      }
    } catch (e) {
      void vscode.window.showErrorMessage(`textsweep: ${errorMessage(e)}`);
    }
  }

  async menu(): Promise<void> {
    const items: (vscode.QuickPickItem & { command: string })[] = [
      { label: '$(wand) Fix all problems in this file', command: 'textsweep.fixAll' },
      { label: '$(file-code) Reload file with encoding…', command: 'textsweep.reloadWithEncoding' },
      ...((vscode.workspace.workspaceFolders ?? []).length > 0
        ? [
          { label: '$(checklist) Check the workspace', command: 'textsweep.checkWorkspace' },
          { label: '$(wand) Fix all problems in the workspace', command: 'textsweep.fixWorkspace' },
        ]
        : []),
      { label: '$(warning) Show problems', command: PROBLEMS_COMMAND },
      { label: '$(debug-restart) Restart server', command: 'textsweep.restartServer' },
      { label: '$(output) Show server log', command: 'textsweep.showLog' },
    ];
    const picked = await vscode.window.showQuickPick(items, { title: `textsweep (${this.state})` });
    if (picked !== undefined) await vscode.commands.executeCommand(picked.command);
  }

  dispose(): void {
    if (this.infoTimer !== undefined) clearTimeout(this.infoTimer);
    if (this.renderTimer !== undefined) clearTimeout(this.renderTimer);
    for (const d of this.disposables) d.dispose();
  }
}

let controller: Controller | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const c = new Controller(context);
  controller = c;
  context.subscriptions.push(
    c,
    vscode.commands.registerCommand('textsweep.fixAll', () => c.fixAll()),
    vscode.commands.registerCommand('textsweep.restartServer', () => c.restart()),
    vscode.commands.registerCommand('textsweep.showLog', () => { c.log.show(); }),
    vscode.commands.registerCommand('textsweep.reloadWithEncoding', () => c.reloadWithEncoding()),
    vscode.commands.registerCommand('textsweep.checkWorkspace', () => c.checkWorkspace()),
    vscode.commands.registerCommand('textsweep.fixWorkspace', () => c.fixWorkspace()),
    vscode.commands.registerCommand('textsweep.menu', () => c.menu()),
  );
  await c.start();
}

export async function deactivate(): Promise<void> {
  const c = controller;
  controller = undefined;
  if (c !== undefined) await c.stop();
}
