/**
 * Starter manifests the editor inserts: minimal, real, and taken from the examples on
 * kubernetes.io (pods/simple-pod.yaml, controllers/nginx-deployment.yaml, the Service,
 * Job, CronJob and ConfigMap concept pages), with the Service selecting the Deployment's pods.
 */
import configMap from "./configmap.yaml?raw";
import cronJob from "./cronjob.yaml?raw";
import deployment from "./deployment.yaml?raw";
import job from "./job.yaml?raw";
import pod from "./pod.yaml?raw";
import service from "./service.yaml?raw";

/** One insertable manifest: its kind (also its menu label) and the YAML text. */
export interface Template {
  kind: string;
  /** A file name the editor suggests for it, e.g. `deployment.yaml`. */
  fileName: string;
  yaml: string;
}

/** In the order the menu lists them. */
export const TEMPLATES: readonly Template[] = [
  { kind: "Pod", fileName: "pod.yaml", yaml: pod },
  { kind: "Deployment", fileName: "deployment.yaml", yaml: deployment },
  { kind: "Service", fileName: "service.yaml", yaml: service },
  { kind: "Job", fileName: "job.yaml", yaml: job },
  { kind: "CronJob", fileName: "cronjob.yaml", yaml: cronJob },
  { kind: "ConfigMap", fileName: "configmap.yaml", yaml: configMap },
];

/** The template for a kind; throws for one that is not listed (a programming error). */
export function templateFor(kind: string): Template {
  const found = TEMPLATES.find((t) => t.kind === kind);
  if (!found) throw new Error(`no template for kind ${kind}`);
  return found;
}
