// Wires the store, the fault queue and the HTTP handlers into a running local server, and hands
// back the controls tests use to steer it.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo, Socket } from "node:net";
import {
  ADMIN_PREFIX,
  type AdminControls,
  type EmulatorSettings,
  handleAdminRequest,
  parseSettingsChanges,
  statusOf,
} from "./admin";
import { selfSignedCertificate } from "./certificate";
import { newRequestId } from "./envelope";
import { FaultQueue, type FaultSpec, parseFaultSpec } from "./faults";
import { CancellableDelays, send } from "./http-io";
import type { QualificationStatus } from "./review-status";
import { type GatewayContext, handleApiRequest, internalErrorReply, type RecordedRequest } from "./sms-gateway";
import { EmulatorStore } from "./store";
import type { Carrier, Signature } from "./store/signatures";
import type { Template } from "./store/templates";
import { TrafficControl, type TrafficCounters } from "./traffic";

export const DEFAULT_EMULATOR_ACCESS_KEY = "AKLTEMULATORLOCALACCESSKEY";
export const DEFAULT_EMULATOR_SECRET_KEY = "EmulatorLocalSecretKeyNotASecret";
export const DEFAULT_EMULATOR_REGIONS: readonly string[] = ["cn-north-1", "cn-beijing"];
export const DEFAULT_APPROVAL_DELAY_MS = 5000;
/** 2^53 + 1: the first id a JS number cannot hold, so any lossy client shows itself at once. */
export const DEFAULT_FIRST_ID = "9007199254740993";
export const DEFAULT_MAX_BODY_BYTES = 30 * 1024 * 1024;
/**
 * Header names SignedHeaders must list unless configured otherwise. The vendor docs' examples also sign
 * host, but the official Node SDK (@volcengine/openapi) signs only x-content-sha256;x-date by default and
 * the real gateway accepts that, so host is not required here. Host is still verified whenever a request
 * lists it; x-security-token must be signed whenever it is sent.
 */
export const DEFAULT_REQUIRED_SIGNED_HEADERS: readonly string[] = ["x-date", "x-content-sha256"];

export interface EmulatorCredential {
  accessKey: string;
  secretKey: string;
}

export interface EmulatorOptions {
  /** Default "127.0.0.1". */
  host?: string;
  /** Default 0: a free port. */
  port?: number;
  /** Persist state as JSON here (written atomically); in memory when absent. */
  dataFile?: string;
  /** Default: one credential, DEFAULT_EMULATOR_ACCESS_KEY / DEFAULT_EMULATOR_SECRET_KEY. */
  credentials?: EmulatorCredential[];
  /** Regions accepted in the credential scope; default ["cn-north-1", "cn-beijing"]. */
  regions?: string[];
  /**
   * A new qualification, signature or second-level template is under review and becomes approved after this delay;
   * null = only through the admin calls. Default 5000.
   */
  approvalDelayMs?: number | null;
  /** After a signature's approval, the carriers' filing completes after this delay; null (default) = by admin only. */
  carrierFilingDelayMs?: number | null;
  /** At most this many creations of one kind (qualification, signature, template) per UTC day, then 1027. */
  dailyCreationLimit?: number | null;
  /**
   * Decimal string; default "9007199254740993" (2^53 + 1). Ids then increase by 1. Ignored when dataFile already holds
   * state.
   */
  firstId?: string;
  /** Clock for X-Date checks and review timing. */
  now?: () => Date;
  /** Default 30 MiB; a larger body is answered 413. */
  maxBodyBytes?: number;
  /** Receives one line per API request; silent by default. */
  log?: (line: string) => void;
  /**
   * Header names SignedHeaders must list; default ["x-date", "x-content-sha256"] (host is verified when listed,
   * not required: the vendor's Node SDK does not sign it). Pass ["host", "x-date", "x-content-sha256"] to insist on
   * host.
   */
  requiredSignedHeaders?: string[];
  /** Default true; false answers GetSignatureIdentificationList (2026-01-01) InvalidActionOrVersion (404). */
  offerIdentificationList?: boolean;
  /** Refuse with FlowLimitExceeded (429) any API request beyond this many in a one-second window; default none. */
  rateLimitPerSecond?: number | null;
  /** Serve https with a self-signed certificate made at start (see `certificate`); default false. */
  https?: boolean;
}

export interface QualificationSummary {
  id: string;
  status: QualificationStatus;
  materialName: string;
  effectSignatures: string[];
}

export interface SignatureSummary {
  /** The list row's id now (an application's while under review, the signature's once decided). */
  id: string;
  applyId: string;
  content: string;
  status: QualificationStatus;
  reason: string;
  isOrder: boolean;
  qualificationId: string;
  purpose: number;
  source: number;
  subAccounts: string[];
  channelTypes: string[];
  desc: string;
  scene: string;
  domain: string;
  usable: boolean;
  reportStatus: Signature["report"];
  updateStatus: number;
  updateReason: string;
}

export interface TemplateSummary {
  templateId: string;
  name: string;
  content: string;
  channelType: string;
  signatures: string[];
  secondTemplates: Array<{ secondTemplateId: string; signature: string; reviewStatus: number; reason: string }>;
}

export type CarrierOutcomes = Partial<Record<Carrier, { status: number; reason?: string }>>;

export interface RunningEmulator {
  /** e.g. "http://127.0.0.1:41234" (no trailing slash); https:// when started with `https`. */
  endpoint: string;
  /** With `https`: the self-signed certificate (PEM) a client must trust, for 127.0.0.1, ::1 and localhost. */
  certificate?: string;
  /** The first accepted credential and region. */
  accessKey: string;
  secretKey: string;
  region: string;
  /** Every API request received, in order of arrival, including rejected ones; admin requests excluded. */
  requests: RecordedRequest[];
  approve(id: string): void;
  /** Rejects with the reviewer's reason, which GetSignatureIdentificationList shows as auditOpinion. */
  reject(id: string, opinion?: string): void;
  /** Any review status: a name, "status-<n>" or an auditStatus number (9 is shown as auditStatus 9). */
  setStatus(id: string, status: QualificationStatus | number, opinion?: string): void;
  qualifications(): QualificationSummary[];
  signatures(): SignatureSummary[];
  approveSignature(content: string): void;
  rejectSignature(content: string, reason?: string): void;
  setSignatureStatus(content: string, status: QualificationStatus | number, reason?: string): void;
  /** Completes the carriers' filing of an approved signature: all filed, or the given outcomes per operator. */
  fileSignatureWithCarriers(content: string, outcomes?: CarrierOutcomes): void;
  approveSignatureUpdate(content: string): void;
  rejectSignatureUpdate(content: string, reason?: string): void;
  /** What the vendor's 2026 migration does by itself: another purpose or source, without a review. */
  rewriteSignature(content: string, changes: { purpose?: number; source?: number }): void;
  /** Deleted in the console. */
  removeSignature(content: string): void;
  templates(): TemplateSummary[];
  approveSecondTemplate(secondTemplateId: string): void;
  rejectSecondTemplate(secondTemplateId: string, reason?: string): void;
  /** Every second-level template of the template. */
  approveTemplate(templateId: string): void;
  injectFault(fault: FaultSpec): void;
  clearFaults(): void;
  settings(): EmulatorSettings;
  configure(changes: Partial<EmulatorSettings>): void;
  counters(): TrafficCounters;
  resetCounters(): void;
  /** Stops listening, destroys open sockets (hung ones included) and returns once the server is closed. */
  close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const settings = resolveOptions(options);
  const store = new EmulatorStore({
    dataFile: settings.dataFile,
    firstId: BigInt(settings.firstId),
    approvalDelayMs: settings.approvalDelayMs,
    carrierFilingDelayMs: settings.carrierFilingDelayMs,
    now: settings.now,
  });
  store.dailyCreationLimit = settings.dailyCreationLimit;
  const faults = new FaultQueue();
  const delays = new CancellableDelays();
  const requests: RecordedRequest[] = [];
  const secrets = new Map(settings.credentials.map((c) => [c.accessKey, c.secretKey]));

  const traffic = new TrafficControl(settings.rateLimitPerSecond, () => settings.now().getTime());
  let offerIdentificationList = settings.offerIdentificationList;
  const { qualifications, signatures, templates } = store;
  const controls: AdminControls = {
    approve: (id) => qualifications.setStatus(parseId(id), "approved"),
    reject: (id, opinion) => qualifications.setStatus(parseId(id), "rejected", opinion),
    setStatus: (id, status, opinion) => qualifications.setStatus(parseId(id), statusOf(status), opinion),
    qualifications: () =>
      qualifications.all().map((q) => ({
        id: q.id.toString(),
        status: q.status,
        materialName: q.materialName,
        effectSignatures: [...q.effectSignatures],
      })),
    signatures: () => signatures.all().map(signatureSummary),
    approveSignature: (content) => signatures.decide(content, "approved"),
    rejectSignature: (content, reason) => signatures.decide(content, "rejected", reason),
    setSignatureStatus: (content, status, reason) => signatures.decide(content, statusOf(status), reason),
    fileSignatureWithCarriers: (content, outcomes) => signatures.fileWithCarriers(content, outcomes),
    approveSignatureUpdate: (content) => signatures.decideUpdate(content, true),
    rejectSignatureUpdate: (content, reason) => signatures.decideUpdate(content, false, reason),
    rewriteSignature: (content, changes) => signatures.rewrite(content, changes),
    removeSignature: (content) => signatures.remove(content),
    templates: () => templates.all().map(templateSummary),
    approveSecondTemplate: (id) => templates.decide(id, 3),
    rejectSecondTemplate: (id, reason) => templates.decide(id, 2, reason),
    approveTemplate: (id) => templates.approveAll(id),
    injectFault: (fault) => faults.add(parseFaultSpec(fault)),
    clearFaults: () => faults.clear(),
    activeFaults: () => faults.list(),
    settings: () => ({
      offerIdentificationList,
      rateLimitPerSecond: traffic.limitPerSecond,
      dailyCreationLimit: store.dailyCreationLimit,
    }),
    configure: (changes) => {
      const checked = parseSettingsChanges(changes);
      if (checked.offerIdentificationList !== undefined) offerIdentificationList = checked.offerIdentificationList;
      if (checked.rateLimitPerSecond !== undefined) traffic.setLimit(checked.rateLimitPerSecond);
      if (checked.dailyCreationLimit !== undefined) store.dailyCreationLimit = checked.dailyCreationLimit;
    },
    counters: () => traffic.snapshot(),
    resetCounters: () => traffic.resetCounters(),
  };

  const gateway: GatewayContext = {
    store,
    faults,
    traffic,
    offers: (action) => offerIdentificationList || action !== "GetSignatureIdentificationList",
    requests,
    regions: settings.regions,
    secretKeyFor: (accessKey) => secrets.get(accessKey),
    requiredSignedHeaders: settings.requiredSignedHeaders,
    now: settings.now,
    maxBodyBytes: settings.maxBodyBytes,
    log: settings.log,
    sleep: (ms) => delays.sleep(ms),
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    try {
      if ((req.url ?? "").startsWith(ADMIN_PREFIX)) await handleAdminRequest(controls, req, res);
      else await handleApiRequest(gateway, req, res);
    } catch (error) {
      // A client that went away mid-body lands here too; only a live request gets an answer.
      if (!res.headersSent && !req.socket.destroyed) {
        settings.log(`internal error: ${error instanceof Error ? error.message : String(error)}`);
        send(res, internalErrorReply(newRequestId(settings.now()), settings.regions[0]));
      }
    }
  };

  const tls = settings.https
    ? selfSignedCertificate("pulumi-volcengine-sms emulator", { dns: ["localhost"], ip: ["127.0.0.1"] })
    : undefined;
  const listener = (req: IncomingMessage, res: ServerResponse) => void handle(req, res);
  const server = tls ? createHttpsServer({ cert: tls.cert, key: tls.key }, listener) : createServer(listener);
  const sockets = new Set<Socket>();
  server.on("connection", (socket: Socket) => {
    traffic.countConnection();
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(settings.port, settings.host, () => {
      server.off("error", reject);
      resolve();
    });
  });

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= new Promise<void>((resolve) => {
      delays.cancelAll();
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    }).then(() => store.save()));

  const { port } = server.address() as AddressInfo;
  const hostInUrl = settings.host.includes(":") ? `[${settings.host}]` : settings.host;
  return {
    endpoint: `${tls ? "https" : "http"}://${hostInUrl}:${port}`,
    certificate: tls?.cert,
    accessKey: settings.credentials[0].accessKey,
    secretKey: settings.credentials[0].secretKey,
    region: settings.regions[0],
    requests,
    approve: controls.approve,
    reject: controls.reject,
    setStatus: controls.setStatus,
    qualifications: controls.qualifications,
    signatures: controls.signatures,
    approveSignature: controls.approveSignature,
    rejectSignature: controls.rejectSignature,
    setSignatureStatus: controls.setSignatureStatus,
    fileSignatureWithCarriers: controls.fileSignatureWithCarriers,
    approveSignatureUpdate: controls.approveSignatureUpdate,
    rejectSignatureUpdate: controls.rejectSignatureUpdate,
    rewriteSignature: controls.rewriteSignature,
    removeSignature: controls.removeSignature,
    templates: controls.templates,
    approveSecondTemplate: controls.approveSecondTemplate,
    rejectSecondTemplate: controls.rejectSecondTemplate,
    approveTemplate: controls.approveTemplate,
    injectFault: controls.injectFault,
    clearFaults: controls.clearFaults,
    settings: controls.settings,
    configure: controls.configure,
    counters: controls.counters,
    resetCounters: controls.resetCounters,
    close,
  };
}

type NonEmpty<T> = [T, ...T[]];

type ResolvedOptions = Required<
  Omit<
    EmulatorOptions,
    | "dataFile"
    | "approvalDelayMs"
    | "carrierFilingDelayMs"
    | "dailyCreationLimit"
    | "rateLimitPerSecond"
    | "credentials"
    | "regions"
  >
> &
  Pick<EmulatorOptions, "dataFile"> & {
    approvalDelayMs: number | null;
    carrierFilingDelayMs: number | null;
    dailyCreationLimit: number | null;
    rateLimitPerSecond: number | null;
    credentials: NonEmpty<EmulatorCredential>;
    regions: NonEmpty<string>;
  };

/** The list, typed as having a first item, or undefined when it is empty. */
function nonEmpty<T>(list: readonly T[]): NonEmpty<T> | undefined {
  const [first, ...rest] = list;
  return first === undefined ? undefined : [first, ...rest];
}

function resolveOptions(options: EmulatorOptions): ResolvedOptions {
  const credentials = nonEmpty(
    options.credentials ?? [{ accessKey: DEFAULT_EMULATOR_ACCESS_KEY, secretKey: DEFAULT_EMULATOR_SECRET_KEY }],
  );
  if (credentials === undefined || credentials.some((c) => !c.accessKey || !c.secretKey || c.accessKey.includes("/"))) {
    throw new Error("credentials must be a non-empty list of { accessKey, secretKey } (access keys without '/')");
  }
  const regions = nonEmpty(options.regions ?? DEFAULT_EMULATOR_REGIONS);
  if (regions === undefined || regions.some((r) => !r)) throw new Error("regions must be a non-empty list");
  const approvalDelayMs = options.approvalDelayMs === undefined ? DEFAULT_APPROVAL_DELAY_MS : options.approvalDelayMs;
  if (approvalDelayMs !== null && !(Number.isFinite(approvalDelayMs) && approvalDelayMs >= 0)) {
    throw new Error("approvalDelayMs must be a non-negative number or null");
  }
  const firstId = options.firstId ?? DEFAULT_FIRST_ID;
  parseId(firstId);
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (!(maxBodyBytes > 0)) throw new Error("maxBodyBytes must be positive");
  const rateLimitPerSecond = options.rateLimitPerSecond ?? null;
  if (rateLimitPerSecond !== null && !(Number.isInteger(rateLimitPerSecond) && rateLimitPerSecond > 0)) {
    throw new Error("rateLimitPerSecond must be a positive integer or null");
  }
  const carrierFilingDelayMs = options.carrierFilingDelayMs ?? null;
  if (carrierFilingDelayMs !== null && !(Number.isFinite(carrierFilingDelayMs) && carrierFilingDelayMs >= 0)) {
    throw new Error("carrierFilingDelayMs must be a non-negative number or null");
  }
  const dailyCreationLimit = options.dailyCreationLimit ?? null;
  if (dailyCreationLimit !== null && !(Number.isInteger(dailyCreationLimit) && dailyCreationLimit >= 0)) {
    throw new Error("dailyCreationLimit must be a non-negative integer or null");
  }
  return {
    host: options.host ?? "127.0.0.1",
    carrierFilingDelayMs,
    dailyCreationLimit,
    port: options.port ?? 0,
    dataFile: options.dataFile,
    credentials,
    regions,
    approvalDelayMs,
    firstId,
    now: options.now ?? (() => new Date()),
    maxBodyBytes,
    log: options.log ?? (() => undefined),
    offerIdentificationList: options.offerIdentificationList ?? true,
    rateLimitPerSecond,
    https: options.https ?? false,
    requiredSignedHeaders: (options.requiredSignedHeaders ?? [...DEFAULT_REQUIRED_SIGNED_HEADERS]).map((h) =>
      h.toLowerCase(),
    ),
  };
}

function parseId(id: string): bigint {
  if (!/^[1-9]\d*$/.test(id)) throw new Error("a qualification id is a positive decimal integer string");
  return BigInt(id);
}

function signatureSummary(s: Signature): SignatureSummary {
  return {
    id: s.rowId.toString(),
    applyId: s.applyId,
    content: s.content,
    status: s.status,
    reason: s.reason,
    isOrder: s.isOrder,
    qualificationId: s.qualificationId.toString(),
    purpose: s.purpose,
    source: s.source,
    subAccounts: [...s.subAccounts],
    channelTypes: [...s.channelTypes],
    desc: s.desc,
    scene: s.scene,
    domain: s.domain,
    usable: s.status === "approved" || s.status === "exempted",
    reportStatus: structuredClone(s.report),
    updateStatus: s.updateStatus,
    updateReason: s.updateReason,
  };
}

function templateSummary(t: Template): TemplateSummary {
  return {
    templateId: t.templateId,
    name: t.name,
    content: t.content,
    channelType: t.channelType,
    signatures: t.secondTemplates.map((s) => s.signature),
    secondTemplates: t.secondTemplates.map(({ secondTemplateId, signature, reviewStatus, reason }) => ({
      secondTemplateId,
      signature,
      reviewStatus,
      reason,
    })),
  };
}
