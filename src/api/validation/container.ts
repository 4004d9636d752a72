/**
 * Container validation from pkg/apis/core/validation: names, image, ports, env,
 * pull/termination policies, resources, probes and lifecycle handlers.
 */
import type {
  Container,
  ContainerPort,
  EnvVar,
  HTTPGetAction,
  LifecycleHandler,
  Probe,
} from "kubernetes-types/core/v1";
import { isDNS1123Label, isQualifiedName } from "../../apimachinery/labels/labelValidation";
import {
  type FieldError,
  child,
  duplicate,
  forbidden,
  index,
  invalid,
  notSupported,
  required,
} from "./fieldErrors";
import { validateNonnegative } from "./objectMeta";
import { validateResourceRequirements } from "./resources";
import { isHTTPHeaderName, isRelaxedEnvVarName, isValidPortName, isValidPortNum } from "./stringValidators";

/** supportedPortProtocols, sorted as sets.List prints them. */
export const PORT_PROTOCOLS = ["SCTP", "TCP", "UDP"];

/** ValidateDNS1123Label as field errors. */
export function validateDNS1123Label(value: string, field: string): FieldError[] {
  return isDNS1123Label(value).map((m) => invalid(field, value, m));
}

/** ValidatePortNumOrName for an IntOrString port. */
export function validatePortNumOrName(port: number | string | undefined, field: string): FieldError[] {
  if (typeof port === "string") return isValidPortName(port).map((m) => invalid(field, port, m));
  return isValidPortNum(port ?? 0).map((m) => invalid(field, port ?? 0, m));
}

function validateContainerPort(port: ContainerPort, field: string, names: Set<string>): FieldError[] {
  const errs: FieldError[] = [];
  if (port.name) {
    const msgs = isValidPortName(port.name);
    if (msgs.length) errs.push(...msgs.map((m) => invalid(child(field, "name"), port.name, m)));
    else if (names.has(port.name)) errs.push(duplicate(child(field, "name"), port.name));
    else names.add(port.name);
  }
  if (!port.containerPort) errs.push(required(child(field, "containerPort")));
  else
    errs.push(
      ...isValidPortNum(port.containerPort).map((m) =>
        invalid(child(field, "containerPort"), port.containerPort, m),
      ),
    );
  if (port.hostPort)
    errs.push(
      ...isValidPortNum(port.hostPort).map((m) => invalid(child(field, "hostPort"), port.hostPort, m)),
    );
  if (!port.protocol) errs.push(required(child(field, "protocol")));
  else if (!PORT_PROTOCOLS.includes(port.protocol))
    errs.push(notSupported(child(field, "protocol"), port.protocol, PORT_PROTOCOLS));
  return errs;
}

function validateEnv(vars: readonly EnvVar[] | undefined, field: string): FieldError[] {
  return (vars ?? []).flatMap((ev, i) => {
    const name = child(index(field, i), "name");
    if (!ev.name) return [required(name)];
    return isRelaxedEnvVarName(ev.name).map((m) => invalid(name, ev.name, m));
  });
}

function validatePolicy(value: string | undefined, field: string, supported: string[]): FieldError[] {
  if (!value) return [required(field)];
  return supported.includes(value) ? [] : [notSupported(field, value, supported)];
}

function validateHTTPGet(http: HTTPGetAction, field: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!http.path) errs.push(required(child(field, "path")));
  errs.push(...validatePortNumOrName(http.port, child(field, "port")));
  if (!["HTTP", "HTTPS"].includes(http.scheme ?? ""))
    errs.push(notSupported(child(field, "scheme"), http.scheme ?? "", ["HTTP", "HTTPS"]));
  for (const h of http.httpHeaders ?? [])
    errs.push(...isHTTPHeaderName(h.name).map((m) => invalid(child(field, "httpHeaders"), h.name, m)));
  return errs;
}

type Handler = Probe & LifecycleHandler;

/** validateHandler: exactly one of exec, httpGet, tcpSocket, grpc, sleep. */
function validateHandler(h: Handler, gracePeriod: number, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const kinds = ["exec", "httpGet", "tcpSocket", "grpc", "sleep"] as const;
  let count = 0;
  for (const k of kinds) {
    if (!h[k]) continue;
    if (count++ > 0) {
      errs.push(forbidden(child(field, k), "may not specify more than 1 handler type"));
      continue;
    }
    const path = child(field, k);
    if (k === "exec" && !h.exec?.command?.length) errs.push(required(child(path, "command")));
    if (k === "httpGet") errs.push(...validateHTTPGet(h.httpGet!, path));
    if (k === "tcpSocket") errs.push(...validatePortNumOrName(h.tcpSocket!.port, child(path, "port")));
    if (k === "grpc") errs.push(...validatePortNumOrName(h.grpc!.port, child(path, "port")));
    const seconds = h.sleep?.seconds ?? 0;
    if (k === "sleep" && (seconds <= 0 || seconds > gracePeriod)) {
      errs.push(
        invalid(
          path,
          seconds,
          `must be greater than 0 and less than terminationGracePeriodSeconds (${gracePeriod})`,
        ),
      );
    }
  }
  if (count === 0) errs.push(required(field, "must specify a handler type"));
  return errs;
}

function validateProbe(
  probe: Probe | undefined,
  gracePeriod: number,
  field: string,
  kind: "liveness" | "readiness" | "startup",
): FieldError[] {
  if (!probe) return [];
  const errs = validateHandler(probe, gracePeriod, field);
  for (const f of [
    "initialDelaySeconds",
    "timeoutSeconds",
    "periodSeconds",
    "successThreshold",
    "failureThreshold",
  ] as const) {
    errs.push(...validateNonnegative(probe[f], child(field, f)));
  }
  const tgps = probe.terminationGracePeriodSeconds;
  if (tgps !== undefined && tgps <= 0)
    errs.push(invalid(child(field, "terminationGracePeriodSeconds"), tgps, "must be greater than 0"));
  if (kind !== "readiness" && (probe.successThreshold ?? 0) !== 1) {
    errs.push(invalid(child(field, "successThreshold"), probe.successThreshold ?? 0, "must be 1"));
  }
  if (kind === "readiness" && tgps !== undefined) {
    errs.push(
      invalid(child(field, "terminationGracePeriodSeconds"), tgps, "must not be set for readinessProbes"),
    );
  }
  return errs;
}

/** validateContainerCommon: what every container kind shares. */
export function validateContainerCommon(c: Container, field: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!c.name) errs.push(required(child(field, "name")));
  else errs.push(...validateDNS1123Label(c.name, child(field, "name")));
  if (!c.image) errs.push(required(child(field, "image")));
  errs.push(
    ...validatePolicy(c.terminationMessagePolicy, child(field, "terminationMessagePolicy"), [
      "File",
      "FallbackToLogsOnError",
    ]),
  );
  const names = new Set<string>();
  (c.ports ?? []).forEach((p, i) =>
    errs.push(...validateContainerPort(p, index(child(field, "ports"), i), names)),
  );
  errs.push(...validateEnv(c.env, child(field, "env")));
  errs.push(
    ...validatePolicy(c.imagePullPolicy, child(field, "imagePullPolicy"), [
      "Always",
      "IfNotPresent",
      "Never",
    ]),
  );
  errs.push(...validateResourceRequirements(c.resources, child(field, "resources")));
  return errs;
}

function validateProbesAndLifecycle(c: Container, gracePeriod: number, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (c.lifecycle?.postStart)
    errs.push(...validateHandler(c.lifecycle.postStart, gracePeriod, child(path, "lifecycle", "postStart")));
  if (c.lifecycle?.preStop)
    errs.push(...validateHandler(c.lifecycle.preStop, gracePeriod, child(path, "lifecycle", "preStop")));
  errs.push(...validateProbe(c.livenessProbe, gracePeriod, child(path, "livenessProbe"), "liveness"));
  errs.push(...validateProbe(c.readinessProbe, gracePeriod, child(path, "readinessProbe"), "readiness"));
  return errs.concat(validateProbe(c.startupProbe, gracePeriod, child(path, "startupProbe"), "startup"));
}

const INIT_ONLY = "may not be set for init containers without restartPolicy=Always";

/**
 * validateInitContainers: common checks, restartPolicy only Always (sidecars), names unique
 * across regular and init containers, probes/lifecycle only for sidecars.
 */
export function validateInitContainers(
  inits: readonly Container[] | undefined,
  regular: readonly Container[] | undefined,
  gracePeriod: number,
  field: string,
): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set((regular ?? []).map((c) => c.name));
  (inits ?? []).forEach((c, i) => {
    const path = index(field, i);
    errs.push(...validateContainerCommon(c, path));
    if (c.restartPolicy && c.restartPolicy !== "Always")
      errs.push(notSupported(child(path, "restartPolicy"), c.restartPolicy, ["Always"]));
    if (names.has(c.name)) errs.push(duplicate(child(path, "name"), c.name));
    else if (c.name) names.add(c.name);
    errs.push(...checkHostPortConflicts([c], field));
    if (c.restartPolicy === "Always") errs.push(...validateProbesAndLifecycle(c, gracePeriod, path));
    else {
      for (const f of ["lifecycle", "livenessProbe", "readinessProbe", "startupProbe"] as const) {
        if (c[f]) errs.push(forbidden(child(path, f), INIT_ONLY));
      }
    }
  });
  return errs;
}

/** validateContainers: required, common checks, unique names, probes, lifecycle, host ports. */
export function validateContainers(
  containers: readonly Container[] | undefined,
  gracePeriod: number,
  field: string,
): FieldError[] {
  if (!containers?.length) return [required(field)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  containers.forEach((c, i) => {
    const path = index(field, i);
    errs.push(...validateContainerCommon(c, path));
    if (names.has(c.name)) errs.push(duplicate(child(path, "name"), c.name));
    else names.add(c.name);
    errs.push(...validateProbesAndLifecycle(c, gracePeriod, path));
    if (c.restartPolicy)
      errs.push(forbidden(child(path, "restartPolicy"), "may not be set for non-init containers"));
  });
  return errs.concat(checkHostPortConflicts(containers, field));
}

/** checkHostPortConflicts: a protocol/hostIP/hostPort triple may appear once across containers. */
export function checkHostPortConflicts(containers: readonly Container[], field: string): FieldError[] {
  const seen = new Set<string>();
  const errs: FieldError[] = [];
  containers.forEach((c, ci) =>
    (c.ports ?? []).forEach((p, pi) => {
      if (!p.hostPort) return;
      const triple = `${p.protocol ?? ""}/${p.hostIP ?? ""}/${p.hostPort}`;
      if (seen.has(triple))
        errs.push(duplicate(child(index(child(index(field, ci), "ports"), pi), "hostPort"), triple));
      else seen.add(triple);
    }),
  );
  return errs;
}

/** Qualified-name validation as field errors (appProtocol and the like). */
export function validateQualifiedName(value: string, field: string): FieldError[] {
  return isQualifiedName(value).map((m) => invalid(field, value, m));
}
