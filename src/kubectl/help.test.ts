import { describe, expect, it } from "vitest";
import { createCluster } from "../cluster";
import { KUBECTL_HELP_TEXT } from "./helpText";
import type { Verb } from "./verb";
import { VERB_GROUPS } from "./verbs";

/** Every command kubeplay simulates, with its path. */
function commands(): { path: string; verb: Verb }[] {
  const found: { path: string; verb: Verb }[] = [];
  const walk = (verb: Verb, parent: string[]) => {
    found.push({ path: [...parent, verb.name].join(" "), verb });
    for (const sub of verb.subcommands ?? []) walk(sub, [...parent, verb.name]);
  };
  for (const group of VERB_GROUPS) for (const verb of group.verbs) walk(verb, []);
  return found;
}

describe("kubectl --help", () => {
  it("has kubectl's own text for every command kubeplay simulates, and every flag it accepts is one kubectl lists", () => {
    const missing: string[] = [];
    for (const { path, verb } of commands()) {
      const text = KUBECTL_HELP_TEXT[path];
      if (!text) missing.push(path);
      for (const flag of verb.flags)
        if (!flag.hidden && text?.options?.[flag.name] === undefined) missing.push(`${path} --${flag.name}`);
    }
    // If this fails, run scripts/record-kubectl-help.ts (or drop a flag kubectl does not have).
    expect(missing).toEqual([]);
  });

  it("prints kubectl's description, examples and options (recorded from kubectl 1.32.5)", () => {
    const help = createCluster().kubectl("scale --help").stdout;
    expect(help).toMatch(
      /^Set a new size for a deployment, replica set, replication controller, or stateful set\.\n\n Scale also allows/,
    );
    expect(help).toContain(
      "Examples:\n  # Scale a replica set named 'foo' to 3\n  kubectl scale --replicas=3 rs/foo\n",
    );
    expect(help).toContain(
      "Options:\n    --all=false:\n\tSelect all resources in the namespace of the specified resource types\n\n",
    );
    // Options are sorted by name and end with one blank line before Usage, as kubectl prints them.
    expect(help).toContain("\n\nUsage:\n  kubectl scale [--resource-version=version]");
    expect(help).not.toContain("\n\n\nUsage:");
  });

  it("prints the global flags for kubectl options, as kubectl 1.32.5 does, kept out of the command list", () => {
    const c = createCluster();
    const options = c.kubectl("options").stdout;
    expect(options).toMatch(/^The following options can be passed to any command:\n\n {4}--as='':\n/);
    expect(options).toContain(
      "    -n, --namespace='':\n\tIf present, the namespace scope for this CLI request\n",
    );
    expect(c.kubectl("").stdout).not.toMatch(/^ {2}options /m);
  });

  it("lists a group's commands with cobra's padding, computed over all of kubectl's sub-commands", () => {
    const help = createCluster().kubectl("create secret --help").stdout;
    expect(help).toContain(
      "Available Commands:\n  docker-registry   Create a secret for use with a Docker registry\n  generic           Create a secret from a local file, directory, or literal value\n",
    );
    expect(createCluster().kubectl("rollout --help").stdout).toContain(
      "\n  history       View rollout history\n",
    );
  });
});

describe("a real kubectl flag kubeplay does not simulate", () => {
  it("is named as one, long or short, while a flag kubectl lacks stays unknown", () => {
    const c = createCluster({ seed: 1, nodes: 0 });
    expect(c.kubectl("apply -f web.yaml --server-side").stderr).toBe(
      'error: "--server-side" is a real flag of "kubectl apply", but kubeplay does not simulate it (run "kubectl apply --help" for the flags it does)\n',
    );
    expect(c.kubectl("delete pods --all -i").stderr).toMatch(
      /^error: "-i\/--interactive" is a real flag of "kubectl delete"/,
    );
    expect(c.kubectl("get pods --bogus").stderr).toBe(
      "error: unknown flag: --bogus\nSee 'kubectl get --help' for usage.\n",
    );
  });
});
