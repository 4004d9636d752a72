/**
 * Service and Endpoints validation (pkg/apis/core/validation), covering ports, type,
 * selector, session affinity, cluster IPs and their immutability, traffic policies.
 */
import type { EndpointPort, Endpoints, Service, ServicePort } from "kubernetes-types/core/v1";
import { isDNS1123Subdomain } from "../../apimachinery/labels/labelValidation";
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
import {
  PORT_PROTOCOLS,
  validateDNS1123Label,
  validatePortNumOrName,
  validateQualifiedName,
} from "./container";
import { goServicePortKey, goStrings } from "./goValue";
import {
  nameIsDNS1035Label,
  nameIsDNSSubdomain,
  validateLabels,
  validateObjectMeta,
  validateObjectMetaUpdate,
} from "./objectMeta";
import { INVALID_IP_MESSAGE, isValidIP, isValidPortNum } from "./stringValidators";

const SERVICE_TYPES = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"];

type ServiceSpec = NonNullable<Service["spec"]>;

const isHeadless = (spec: ServiceSpec): boolean =>
  spec.clusterIPs?.length === 1 && spec.clusterIPs[0] === "None";

function validateServicePort(
  sp: ServicePort,
  requireName: boolean,
  names: Set<string>,
  field: string,
): FieldError[] {
  const errs: FieldError[] = [];
  if (requireName && !sp.name) errs.push(required(child(field, "name")));
  else if (sp.name) {
    errs.push(...validateDNS1123Label(sp.name, child(field, "name")));
    if (names.has(sp.name)) errs.push(duplicate(child(field, "name"), sp.name));
    else names.add(sp.name);
  }
  errs.push(...isValidPortNum(sp.port).map((m) => invalid(child(field, "port"), sp.port, m)));
  if (!sp.protocol) errs.push(required(child(field, "protocol")));
  else if (!PORT_PROTOCOLS.includes(sp.protocol))
    errs.push(notSupported(child(field, "protocol"), sp.protocol, PORT_PROTOCOLS));
  errs.push(...validatePortNumOrName(sp.targetPort, child(field, "targetPort")));
  if (sp.appProtocol !== undefined)
    errs.push(...validateQualifiedName(sp.appProtocol, child(field, "appProtocol")));
  return errs;
}

function validateTypeSpecific(spec: ServiceSpec): FieldError[] {
  const errs: FieldError[] = [];
  if ((spec.type === "LoadBalancer" || spec.type === "NodePort") && isHeadless(spec)) {
    errs.push(invalid("spec.clusterIPs[0]", "None", `may not be set to 'None' for ${spec.type} services`));
  }
  if (spec.type !== "ExternalName") return errs;
  if (spec.clusterIPs?.length)
    errs.push(forbidden("spec.clusterIPs", "may not be set for ExternalName services"));
  if (spec.ipFamilies?.length)
    errs.push(forbidden("spec.ipFamilies", "may not be set for ExternalName services"));
  if (spec.ipFamilyPolicy !== undefined)
    errs.push(forbidden("spec.ipFamilyPolicy", "may not be set for ExternalName services"));
  const cname = (spec.externalName ?? "").replace(/\.$/, "");
  if (!cname) errs.push(required("spec.externalName"));
  else errs.push(...isDNS1123Subdomain(cname).map((m) => invalid("spec.externalName", cname, m)));
  return errs;
}

function validateClusterIPs(spec: ServiceSpec): FieldError[] {
  if (spec.type === "ExternalName") return [];
  const errs: FieldError[] = [];
  const ips = spec.clusterIPs ?? [];
  if (spec.clusterIP) {
    if (!ips.length) errs.push(required("spec.clusterIPs"));
    else if (ips[0] !== spec.clusterIP)
      errs.push(invalid("spec.clusterIPs", goStrings(ips), "first value must match `clusterIP`"));
  } else if (ips.length)
    errs.push(invalid("spec.clusterIPs", goStrings(ips), "must be empty when `clusterIP` is not specified"));
  const seen = new Set<string>();
  (spec.ipFamilies ?? []).forEach((f, i) => {
    if (f !== "IPv4" && f !== "IPv6")
      errs.push(notSupported(index("spec.ipFamilies", i), f, ["IPv4", "IPv6"]));
    if (seen.has(f)) errs.push(duplicate(index("spec.ipFamilies", i), f));
    seen.add(f);
  });
  const policies = ["PreferDualStack", "RequireDualStack", "SingleStack"];
  if (spec.ipFamilyPolicy !== undefined && !policies.includes(spec.ipFamilyPolicy))
    errs.push(notSupported("spec.ipFamilyPolicy", spec.ipFamilyPolicy, policies));
  ips.forEach((ip, i) => {
    if (i === 0 && ip === "None") {
      if (ips.length > 1)
        errs.push(invalid("spec.clusterIPs", goStrings(ips), "'None' must be the first and only value"));
    } else if (!isValidIP(ip)) errs.push(invalid(index("spec.clusterIPs", i), ip, INVALID_IP_MESSAGE));
  });
  if (ips.length > 2) errs.push(invalid("spec.clusterIPs", goStrings(ips), "may only hold up to 2 values"));
  return errs;
}

function validateSessionAffinity(spec: ServiceSpec): FieldError[] {
  const sa = spec.sessionAffinity ?? "";
  if (!sa) return [required("spec.sessionAffinity")];
  if (sa !== "ClientIP" && sa !== "None")
    return [notSupported("spec.sessionAffinity", sa, ["ClientIP", "None"])];
  if (sa === "ClientIP" && !spec.sessionAffinityConfig)
    return [required("spec.sessionAffinityConfig", "when session affinity type is ClientIP")];
  if (sa === "None" && spec.sessionAffinityConfig)
    return [forbidden("spec.sessionAffinityConfig", "must not be set when session affinity is None")];
  return [];
}

function validatePortsUniqueness(spec: ServiceSpec): FieldError[] {
  const errs: FieldError[] = [];
  const nodePorts = new Set<string>();
  const ports = new Set<string>();
  (spec.ports ?? []).forEach((p, i) => {
    if (spec.type === "ClusterIP" && p.nodePort)
      errs.push(
        forbidden(child(index("spec.ports", i), "nodePort"), "may not be used when `type` is 'ClusterIP'"),
      );
  });
  (spec.ports ?? []).forEach((p, i) => {
    const id = `${p.protocol}/${p.nodePort}`;
    if (p.nodePort && nodePorts.has(id))
      errs.push(duplicate(child(index("spec.ports", i), "nodePort"), p.nodePort));
    if (p.nodePort) nodePorts.add(id);
  });
  (spec.ports ?? []).forEach((p, i) => {
    const id = `${p.protocol}/${p.port}`;
    if (ports.has(id))
      errs.push(duplicate(index("spec.ports", i), goServicePortKey(p.protocol ?? "", p.port)));
    ports.add(id);
  });
  return errs;
}

function validateTrafficPolicies(spec: ServiceSpec): FieldError[] {
  const errs: FieldError[] = [];
  const external =
    spec.type === "NodePort" || spec.type === "LoadBalancer" || (spec.externalIPs?.length ?? 0) > 0;
  const etp = spec.externalTrafficPolicy ?? "";
  if (!external && etp)
    errs.push(
      invalid("spec.externalTrafficPolicy", etp, "may only be set for externally-accessible services"),
    );
  if (external && !etp) errs.push(required("spec.externalTrafficPolicy"));
  else if (external && etp !== "Cluster" && etp !== "Local")
    errs.push(notSupported("spec.externalTrafficPolicy", etp, ["Cluster", "Local"]));
  const itp = spec.internalTrafficPolicy;
  if (itp === undefined && ["NodePort", "LoadBalancer", "ClusterIP"].includes(spec.type ?? ""))
    errs.push(required("spec.internalTrafficPolicy"));
  if (itp !== undefined && itp !== "Cluster" && itp !== "Local")
    errs.push(notSupported("spec.internalTrafficPolicy", itp, ["Cluster", "Local"]));
  return errs;
}

/** ValidateService: every rule for a defaulted Service. */
export function validateServiceObject(svc: Service): FieldError[] {
  const spec: ServiceSpec = svc.spec ?? {};
  const errs = validateObjectMeta(svc.metadata, true, nameIsDNS1035Label);
  if (!spec.ports?.length && !isHeadless(spec) && spec.type !== "ExternalName")
    errs.push(required("spec.ports"));
  errs.push(...validateTypeSpecific(spec));
  const names = new Set<string>();
  (spec.ports ?? []).forEach((p, i) =>
    errs.push(...validateServicePort(p, spec.ports!.length > 1, names, index("spec.ports", i))),
  );
  if (spec.selector) errs.push(...validateLabels(spec.selector, "spec.selector"));
  errs.push(...validateSessionAffinity(spec), ...validateClusterIPs(spec));
  (spec.externalIPs ?? []).forEach((ip, i) => {
    if (!isValidIP(ip)) errs.push(invalid(index("spec.externalIPs", i), ip, INVALID_IP_MESSAGE));
  });
  if (!spec.type) errs.push(required("spec.type"));
  else if (!SERVICE_TYPES.includes(spec.type)) errs.push(notSupported("spec.type", spec.type, SERVICE_TYPES));
  errs.push(...validatePortsUniqueness(spec));
  if (spec.type === "LoadBalancer" && spec.allocateLoadBalancerNodePorts === undefined)
    errs.push(required("allocateLoadBalancerNodePorts"));
  return errs.concat(validateTrafficPolicies(spec));
}

function validateClusterIPsUpdate(spec: ServiceSpec, prev: ServiceSpec): FieldError[] {
  if (spec.type === "ExternalName" || prev.type === "ExternalName" || (isHeadless(spec) && isHeadless(prev)))
    return [];
  const next = spec.clusterIPs ?? [];
  const old = prev.clusterIPs ?? [];
  const errs: FieldError[] = [];
  if (old.length === next.length) {
    old.forEach((ip, i) => {
      if (ip !== next[i])
        errs.push(invalid(index("spec.clusterIPs", i), goStrings(next), "may not change once set"));
    });
  } else if (old.length > next.length) {
    if (!next.length)
      errs.push(invalid("spec.clusterIPs[0]", goStrings(next), "primary clusterIP can not be unset"));
    else if (next[0] !== old[0])
      errs.push(invalid("spec.clusterIPs[0]", goStrings(next), "may not change once set"));
  } else if (old.length && next[0] !== old[0])
    errs.push(invalid("spec.clusterIPs[0]", goStrings(next), "may not change once set"));
  return errs;
}

/** ValidateServiceCreate / ValidateServiceUpdate. */
export function validateService(svc: Service, old?: Service): FieldError[] {
  if (!old) return validateServiceObject(svc);
  const errs = validateObjectMetaUpdate(svc.metadata, old.metadata);
  errs.push(...validateClusterIPsUpdate(svc.spec ?? {}, old.spec ?? {}));
  return errs.concat(validateServiceObject(svc));
}

function validateEndpointPort(p: EndpointPort, requireName: boolean, field: string): FieldError[] {
  const errs: FieldError[] = [];
  if (requireName && !p.name) errs.push(required(child(field, "name")));
  else if (p.name) errs.push(...validateDNS1123Label(p.name, child(field, "name")));
  errs.push(...isValidPortNum(p.port).map((m) => invalid(child(field, "port"), p.port, m)));
  if (!p.protocol) errs.push(required(child(field, "protocol")));
  else if (!PORT_PROTOCOLS.includes(p.protocol))
    errs.push(notSupported(child(field, "protocol"), p.protocol, PORT_PROTOCOLS));
  return errs;
}

/** ValidateEndpoints (create) / ValidateEndpointsUpdate: addresses are IPs, ports valid. */
export function validateEndpoints(ep: Endpoints, old?: Endpoints): FieldError[] {
  const errs = old ? validateObjectMetaUpdate(ep.metadata, old.metadata) : [];
  errs.push(...validateObjectMeta(ep.metadata, true, nameIsDNSSubdomain));
  (ep.subsets ?? []).forEach((ss, i) => {
    const path = index("subsets", i);
    if (!ss.addresses?.length && !ss.notReadyAddresses?.length)
      errs.push(required(path, "must specify `addresses` or `notReadyAddresses`"));
    for (const list of ["addresses", "notReadyAddresses"] as const) {
      (ss[list] ?? []).forEach((a, j) => {
        if (!isValidIP(a.ip))
          errs.push(invalid(child(index(child(path, list), j), "ip"), a.ip, INVALID_IP_MESSAGE));
      });
    }
    (ss.ports ?? []).forEach((p, j) =>
      errs.push(...validateEndpointPort(p, ss.ports!.length > 1, index(child(path, "ports"), j))),
    );
  });
  return errs;
}
