import { describe, expect, it } from "vitest";
import { createCluster } from "../../cluster";

const DEPLOYMENT_YAML = `apiVersion: apps/v1
kind: Deployment
metadata:
  creationTimestamp: null
  labels:
    app: web
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  strategy: {}
  template:
    metadata:
      creationTimestamp: null
      labels:
        app: web
    spec:
      containers:
      - image: nginx
        name: nginx
        ports:
        - containerPort: 80
        resources: {}
status: {}
`;

// Outputs captured from kubectl v1.32 with --dry-run=client -o yaml.
describe("kubectl create generators (dry run, as kubectl 1.32 prints them)", () => {
  const c = createCluster({ seed: 1, nodes: 0 });
  const run = (line: string) => c.kubectl(line);

  it("create deployment builds the app=NAME deployment with replicas and a container port", () => {
    expect(
      run("create deployment web --image=nginx --replicas=3 --port=80 --dry-run=client -o yaml"),
    ).toEqual({
      code: 0,
      stdout: DEPLOYMENT_YAML,
      stderr: "",
    });
  });

  it("create job runs the command after -- in a container named after the job, restartPolicy Never", () => {
    const out = run(
      "create job pi --image=perl --dry-run=client -o yaml -- perl -Mbignum=bpi -wle 'print bpi(2000)'",
    ).stdout;
    expect(out).toBe(`apiVersion: batch/v1
kind: Job
metadata:
  creationTimestamp: null
  name: pi
spec:
  template:
    metadata:
      creationTimestamp: null
    spec:
      containers:
      - command:
        - perl
        - -Mbignum=bpi
        - -wle
        - print bpi(2000)
        image: perl
        name: pi
        resources: {}
      restartPolicy: Never
status: {}
`);
  });

  it("create cronjob defaults restartPolicy to OnFailure and quotes the schedule", () => {
    const out = run(
      "create cronjob hello --image=busybox --schedule='*/1 * * * *' --dry-run=client -o yaml -- date",
    ).stdout;
    expect(out).toContain("  schedule: '*/1 * * * *'\n");
    expect(out).toContain("          restartPolicy: OnFailure\n");
    expect(out).toContain("    metadata:\n      creationTimestamp: null\n      name: hello\n");
  });

  it("create configmap and secret generic take --from-literal; secret data is base64", () => {
    expect(
      run("create configmap cfg --from-literal=a=1 --from-literal=b=two --dry-run=client -o yaml").stdout,
    ).toBe(
      'apiVersion: v1\ndata:\n  a: "1"\n  b: two\nkind: ConfigMap\nmetadata:\n  creationTimestamp: null\n  name: cfg\n',
    );
    expect(
      run("create secret generic s --from-literal=password=hunter2 --dry-run=client -o yaml").stdout,
    ).toBe(
      "apiVersion: v1\ndata:\n  password: aHVudGVyMg==\nkind: Secret\nmetadata:\n  creationTimestamp: null\n  name: s\n",
    );
  });

  it("create service clusterip names each port PORT-TARGET and selects app=NAME", () => {
    expect(
      run("create service clusterip web --tcp=80:8080 --dry-run=client -o yaml").stdout,
    ).toBe(`apiVersion: v1
kind: Service
metadata:
  creationTimestamp: null
  labels:
    app: web
  name: web
spec:
  ports:
  - name: 80-8080
    port: 80
    protocol: TCP
    targetPort: 8080
  selector:
    app: web
  type: ClusterIP
status:
  loadBalancer: {}
`);
  });

  it("create namespace prints an empty spec and status", () => {
    expect(run("create namespace dev --dry-run=client -o yaml").stdout).toBe(
      "apiVersion: v1\nkind: Namespace\nmetadata:\n  creationTimestamp: null\n  name: dev\nspec: {}\nstatus: {}\n",
    );
  });

  it("prints kubectl's flag and argument errors", () => {
    expect(run("create deployment web")).toMatchObject({
      code: 1,
      stderr: 'error: required flag(s) "image" not set\n',
    });
    expect(run("create cronjob x --image=busybox").stderr).toBe(
      'error: required flag(s) "schedule" not set\n',
    );
    expect(run("create job").stderr).toBe(
      "error: exactly one NAME is required, got 0\nSee 'kubectl create job -h' for help and examples\n",
    );
    expect(run("create job x").stderr).toBe("error: either --image or --from must be specified\n");
    expect(run("create service clusterip web").stderr).toBe(
      "error: at least one tcp port specifier must be provided\n",
    );
    expect(run("create configmap c --from-literal=bad").stderr).toBe(
      "error: invalid literal source bad, expected key=value\n",
    );
    expect(run("create").stderr).toBe("error: must specify one of -f and -k\n");
    expect(run("create foo").stderr).toBe(
      "error: Unexpected args: [foo]\nSee 'kubectl create -h' for help and examples\n",
    );
  });
});

describe("kubectl create against the cluster", () => {
  it("creates objects and prints kind/name created, then fails with AlreadyExists wrapped as kubectl wraps it", () => {
    const c = createCluster({ seed: 1, nodes: 0 });
    expect(c.kubectl("create deployment web --image=nginx").stdout).toBe("deployment.apps/web created\n");
    expect(c.kubectl("create deployment web --image=nginx")).toEqual({
      code: 1,
      stdout: "",
      stderr: 'error: failed to create deployment: deployments.apps "web" already exists\n',
    });
    expect(c.kubectl("create namespace dev").stdout).toBe("namespace/dev created\n");
    expect(c.kubectl("create namespace dev").stderr).toBe(
      'Error from server (AlreadyExists): namespaces "dev" already exists\n',
    );
    expect(c.kubectl("create configmap cfg --from-literal=a=1 -o name").stdout).toBe("configmap/cfg\n");
    expect(c.kubectl("create secret generic s --from-literal=k=v --dry-run=server").stdout).toBe(
      "secret/s created (server dry run)\n",
    );
    expect(c.store.get("Secret", "default", "s")).toBeUndefined();
  });

  it("create -f creates every document and reports the source of server errors", () => {
    const c = createCluster({ seed: 1, nodes: 0 });
    const yaml =
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n";
    expect(c.kubectl("create -f cms.yaml", undefined, { "cms.yaml": yaml }).stdout).toBe(
      "configmap/a created\nconfigmap/b created\n",
    );
    expect(c.kubectl("create -f cms.yaml", undefined, { "cms.yaml": yaml })).toEqual({
      code: 1,
      stdout: "",
      stderr:
        'Error from server (AlreadyExists): error when creating "cms.yaml": configmaps "a" already exists\n' +
        'Error from server (AlreadyExists): error when creating "cms.yaml": configmaps "b" already exists\n',
    });
  });
});
