import { describe, expect, it } from "vitest";
import { createCluster } from "../../cluster";

function cluster() {
  const c = createCluster({ seed: 1, nodes: 1 });
  c.kubectl("run web --image=nginx:1.27.4");
  return c;
}

describe("kubectl exec", () => {
  it("runs a command in the running container: its environment, the kubelet's files, cluster DNS", () => {
    const c = cluster();
    const unschedulable =
      "apiVersion: v1\nkind: Pod\nmetadata: {name: stuck}\nspec:\n  nodeSelector: {disk: none}\n  containers: [{name: c, image: nginx}]\n";
    c.kubectl("apply -f -", unschedulable);
    expect(c.kubectl("exec stuck -- hostname")).toMatchObject({
      code: 1,
      stderr: "Error from server (BadRequest): pod stuck does not have a host assigned\n",
    });
    expect(c.kubectl("exec web -- hostname")).toMatchObject({
      code: 1,
      stderr: 'error: unable to upgrade connection: container not found ("web")\n',
    });
    c.advance(20);
    const podIP = c.store.get("Pod", "default", "web")?.status?.podIP;
    expect(c.kubectl("exec web -- sh -c 'echo $HOSTNAME; cat /etc/hostname'").stdout).toBe("web\nweb\n");
    expect(c.kubectl("exec web -- cat /etc/hosts").stdout).toMatch(new RegExp(`^${podIP}\\tweb$`, "m"));
    expect(c.kubectl("exec web -- cat /etc/resolv.conf").stdout).toBe(
      "search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n",
    );
    expect(c.kubectl("exec web -- nslookup kubernetes").stdout).toContain("Address: 10.96.0.1\n");
    expect(c.kubectl("exec web -- ls /var/run/secrets/kubernetes.io/serviceaccount").stdout).toBe(
      "ca.crt\nnamespace\ntoken\n",
    );
    const token = c.kubectl("exec web -- cat /var/run/secrets/kubernetes.io/serviceaccount/token").stdout;
    const claims = JSON.parse(atob(token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/")));
    expect(claims.sub).toBe("system:serviceaccount:default:default");
  });

  it("runs the command in the container's workingDir, which the runtime creates", () => {
    const c = createCluster({ seed: 1, nodes: 1 });
    const pod =
      "apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers: [{name: c, image: busybox:1.36, workingDir: /srv/app, command: [sh, -c, 'echo ready > status; sleep 3600']}]\n";
    c.kubectl("apply -f -", pod);
    c.advance(20);
    expect(c.kubectl("exec app -- pwd").stdout).toBe("/srv/app\n");
    expect(c.kubectl("exec app -- cat status").stdout).toBe("ready\n");
    expect(c.kubectl("exec app -- sh -c 'cd .. && pwd && ls'").stdout).toBe("/srv\napp\n");
  });

  it("gives the process the runtime's PATH and HOME around what the kubelet sets, and expands $(VAR) as the kubelet does", () => {
    const c = createCluster({ seed: 1, nodes: 1 });
    const pod =
      "apiVersion: v1\nkind: Pod\nmetadata: {name: e}\nspec:\n  enableServiceLinks: false\n  containers: [{name: c, image: busybox:1.36, command: [sleep, '3600'], env: [{name: A, value: a}, {name: B, value: '$(A)-$(HOSTNAME)'}]}]\n";
    c.kubectl("apply -f -", pod);
    c.advance(20);
    // HOSTNAME comes from the runtime, not the kubelet: $(HOSTNAME) stays as written.
    expect(c.kubectl("exec e -- env").stdout).toBe(
      "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\nHOSTNAME=e\nA=a\nB=a-$(HOSTNAME)\nHOME=/root\n",
    );
    expect(c.kubectl("exec e -- sh -c 'cd && pwd'").stdout).toBe("/root\n");
  });

  it("answers nginx -v with the image's version on stderr, before and after a rollout, and in a container of its own", () => {
    const c = createCluster({ seed: 1, nodes: 1 });
    c.kubectl("create deployment web --image=nginx:1.26");
    c.kubectl("run v --image=nginx:1.25.3 --restart=Never --command -- nginx -v");
    c.advance(30);
    expect(c.kubectl("exec deploy/web -- nginx -v")).toMatchObject({
      code: 0,
      stdout: "",
      stderr: "nginx version: nginx/1.26.3\n",
    });
    c.kubectl("set image deployment/web nginx=nginx:1.27.4");
    c.advance(60);
    expect(c.kubectl("exec deploy/web -- nginx -v").stderr).toBe("nginx version: nginx/1.27.4\n");
    // The binary is there; starting a second server in the container is what is not simulated.
    expect(c.kubectl("exec deploy/web -- nginx -t")).toMatchObject({
      code: 1,
      stderr:
        "kubeplay: running nginx again inside a running container is not simulated\ncommand terminated with exit code 1\n",
    });
    expect(c.kubectl("logs v").stdout).toBe("nginx version: nginx/1.25.3\n");
    expect(c.store.get("Pod", "default", "v")?.status?.phase).toBe("Succeeded");
  });

  it("ends with the command's exit code, and what it writes stays in the container", () => {
    const c = cluster();
    c.advance(20);
    expect(c.kubectl("exec web -- sh -c 'echo oops >&2; exit 3'")).toEqual({
      code: 3,
      stdout: "",
      stderr: "oops\ncommand terminated with exit code 3\n",
    });
    c.kubectl("exec web -- sh -c 'echo saved > /tmp/note'");
    expect(c.kubectl("exec web -- cat /tmp/note").stdout).toBe("saved\n");
  });

  it("keeps running a command that sleeps, on the simulated clock", () => {
    const c = cluster();
    c.advance(20);
    const result = c.kubectl("exec web -- sh -c 'echo start; sleep 5; echo done; exit 2'");
    expect(result.stdout).toBe("start\n");
    c.advance(3);
    expect(result.stream?.read()).toEqual({ stdout: "", stderr: "" });
    c.advance(3);
    expect(result.stream?.read()).toEqual({
      stdout: "done\n",
      stderr: "command terminated with exit code 2\n",
      code: 2,
    });
  });

  it("fails as kubectl and the runtime do for missing programs, containers, commands and old syntax", () => {
    const c = cluster();
    c.kubectl("run hello --image=gcr.io/google-samples/hello-app:1.0");
    c.advance(20);
    expect(c.kubectl("exec hello -- sh").stderr).toMatch(
      /^error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "sh": executable file not found in \$PATH: unknown\n$/,
    );
    expect(c.kubectl("exec web -c nope -- date").stderr).toBe(
      "error: container nope is not valid for pod web out of: web\n",
    );
    expect(c.kubectl("exec web").stderr).toBe(
      "error: you must specify at least one command for the container\n",
    );
    expect(c.kubectl("exec -- date").stderr).toBe("error: pod, type/name or --filename must be specified\n");
    expect(c.kubectl("exec web date").stderr).toBe(
      "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n",
    );
  });

  it("picks a workload's pod without saying so, and defaults the container as kubectl does", () => {
    const c = createCluster({ seed: 1, nodes: 1 });
    c.kubectl("create deployment d --image=busybox:1.36 --replicas=2 -- sleep 3600");
    c.advance(20);
    const result = c.kubectl("exec deploy/d -- echo hi");
    expect(result).toMatchObject({ code: 0, stdout: "hi\n", stderr: "" });
    const twoContainers = `apiVersion: v1
kind: Pod
metadata:
  name: two
spec:
  containers:
  - {name: a, image: "busybox:1.36", command: [sleep, "3600"]}
  - {name: b, image: "busybox:1.36", command: [sleep, "3600"]}
`;
    c.kubectl("apply -f -", twoContainers);
    c.advance(20);
    expect(c.kubectl("exec two -- echo x").stderr).toBe('Defaulted container "a" out of: a, b\n');
    expect(c.kubectl("exec two -q -- echo x").stderr).toBe("");
  });

  it("opens a shell session with -it: each typed line runs, the prompt comes back, exit N ends it", () => {
    const c = createCluster({ seed: 1, nodes: 1 });
    c.kubectl("run bb --image=busybox:1.36 -- sleep 3600");
    c.advance(20);
    const session = c.kubectl("exec -it bb -- sh");
    expect(session).toMatchObject({ code: 0, stdout: "/ # " });
    const stream = session.stream;
    expect(stream?.interactive).toBe(true);
    expect(stream?.inputCommand).toBe("exec -i -n default bb -c bb -- sh");
    stream?.write("echo hi > /tmp/x; cat /tmp/x\n");
    expect(stream?.read()).toEqual({ stdout: "hi\n/ # ", stderr: "" });
    stream?.write("sleep 2; echo late\n");
    expect(stream?.read()).toEqual({ stdout: "", stderr: "" });
    c.advance(3);
    expect(stream?.read()).toEqual({ stdout: "late\n/ # ", stderr: "" });
    stream?.write("sleep 100\n");
    stream?.write("\x03");
    expect(stream?.read()).toEqual({ stdout: "/ # ", stderr: "" });
    expect(stream?.write("exit 4\n")).toBe(true);
    expect(stream?.read()).toEqual({ stdout: "", stderr: "command terminated with exit code 4\n", code: 4 });
    expect(stream?.write("echo too late\n")).toBe(false);
    // What the session wrote stays; a shell fed on stdin (a pipe, a replay) ends with its input.
    expect(c.kubectl("exec -i bb -- sh", "cat /tmp/x\nfalse\n")).toEqual({
      code: 1,
      stdout: "hi\n",
      stderr: "command terminated with exit code 1\n",
    });
    expect(c.kubectl("exec -it bb -- bash").stderr).toMatch(
      /exec: "bash": executable file not found in \$PATH/,
    );
  });

  it("keeps the session shell's directory and variables from line to line, and logs what replays them", () => {
    const c = createCluster({ seed: 1, nodes: 1 });
    c.kubectl("run bb --image=busybox:1.36 -- sleep 3600");
    c.advance(20);
    const stream = c.kubectl("exec -it bb -- sh").stream;
    const type = (line: string) => {
      const logged = stream?.loggedStdin(`${line}\n`);
      stream?.write(`${line}\n`);
      return logged;
    };
    expect(type("cd /tmp")).toBe("cd /tmp\n");
    expect(stream?.read().stdout).toBe("/tmp # ");
    type("GREETING='it is'; export WHO=me");
    expect(stream?.read().stdout).toBe("/tmp # ");
    const logged = type("pwd; echo $GREETING $WHO; sh -c 'echo child: $GREETING $WHO'");
    expect(stream?.read().stdout).toBe("/tmp\nit is me\nchild: me\n/tmp # ");
    // A log replays the line in a fresh session: it is typed after what restores the state.
    expect(logged).toBe(
      "cd '/tmp'\nOLDPWD='/'\nGREETING='it is'\nWHO='me'\nexport WHO\npwd; echo $GREETING $WHO; sh -c 'echo child: $GREETING $WHO'\n",
    );
    expect(c.kubectl("exec -i bb -- sh", logged).stdout).toBe("/tmp\nit is me\nchild: me\n");
    // A value spanning lines cannot be restored line by line: the preamble leaves it out.
    type("MULTI=\"$(printf 'a\\nb')\"");
    stream?.read();
    expect(stream?.loggedStdin("true\n")).not.toContain("MULTI");
    // Home (HOME=/root) shows as ~ in the prompt.
    type("cd; mkdir -p notes; cd notes");
    expect(stream?.read().stdout).toBe("~/notes # ");
    // An exit inside a line ends the shell, and the session with its code.
    stream?.write("echo bye; exit 3\n");
    expect(stream?.read()).toEqual({
      stdout: "bye\n",
      stderr: "command terminated with exit code 3\n",
      code: 3,
    });
  });

  it("sees the pod's shared emptyDir from each container, read-only where it is mounted so", () => {
    const c = createCluster({ seed: 1, nodes: 1 });
    const pod = `apiVersion: v1
kind: Pod
metadata: {name: web-logs}
spec:
  volumes: [{name: logs, emptyDir: {}}]
  containers:
  - {name: web, image: "nginx:1.27", volumeMounts: [{name: logs, mountPath: /var/log/nginx}]}
  - name: shipper
    image: busybox:1.36
    command: [sleep, "3600"]
    volumeMounts: [{name: logs, mountPath: /var/log/nginx, readOnly: true}]
`;
    c.kubectl("apply -f -", pod);
    c.advance(30);
    expect(c.kubectl("exec web-logs -c web -- sh -c 'echo hello > /var/log/nginx/note'").code).toBe(0);
    expect(c.kubectl("exec web-logs -c shipper -- cat /var/log/nginx/note").stdout).toBe("hello\n");
    expect(c.kubectl("exec web-logs -c shipper -- sh -c 'echo x > /var/log/nginx/note'").stderr).toBe(
      "sh: can't create /var/log/nginx/note: Read-only file system\ncommand terminated with exit code 1\n",
    );
    // The kubelet mounts the service account (and ConfigMaps, Secrets) read-only.
    expect(
      c.kubectl("exec web-logs -c shipper -- rm /var/run/secrets/kubernetes.io/serviceaccount/token").stderr,
    ).toBe(
      "rm: can't remove '/var/run/secrets/kubernetes.io/serviceaccount/token': Read-only file system\ncommand terminated with exit code 1\n",
    );
    expect(
      c.kubectl("exec web-logs -c shipper -- cat /var/run/secrets/kubernetes.io/serviceaccount/namespace")
        .stdout,
    ).toBe("default");
  });
});
