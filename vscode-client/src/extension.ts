// The textsweep VS Code extension: starts the language server, forwards settings, and
// adds commands and a status bar item on top of plain LSP.

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  ErrorCodes,
  LanguageClient,
  ResponseError,
  RevealOutputChannelOn,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
  type WorkspaceEdit as LspWorkspaceEdit,
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
} from './status';

const SECTION = 'textsweep';
const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('textsweep');

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
    if (state !== 'running') this.info = undefined;
    this.render();
  }

  private render(): void {
    const view = formatStatus(this.state, this.info, this.stateDetail);
    this.status.text = view.text;
    this.status.tooltip = view.tooltip;
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
      { label: '$(debug-restart) Restart server', command: 'textsweep.restartServer' },
      { label: '$(output) Show server log', command: 'textsweep.showLog' },
    ];
    const picked = await vscode.window.showQuickPick(items, { title: `textsweep (${this.state})` });
    if (picked !== undefined) await vscode.commands.executeCommand(picked.command);
  }

  dispose(): void {
    if (this.infoTimer !== undefined) clearTimeout(this.infoTimer);
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
    vscode.commands.registerCommand('textsweep.menu', () => c.menu()),
  );
  await c.start();
}

export async function deactivate(): Promise<void> {
  const c = controller;
  controller = undefined;
  if (c !== undefined) await c.stop();
}
