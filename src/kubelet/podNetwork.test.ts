import { describe, expect, it } from "vitest";
import { createCluster } from "../cluster";
import { followStream } from "../testing/follow";

/** Two nginx pods behind Service web, and a busybox pod to send requests from. */
function cluster(image = "nginx:1.27.4") {
  const c = createCluster({ seed: 1, nodes: 2 });
  c.kubectl(`create deployment web --image=${image} --replicas=2`);
  c.kubectl("expose deployment web --port=80");
  c.kubectl("run client --image=busybox:1.36 -- sleep 3600");
  c.advance(30);
  return c;
}

const webPod = (c: ReturnType<typeof createCluster>) =>
  c.store.list("Pod", "default").find((p) => p.metadata.name?.startsWith("web-"))?.metadata.name ?? "";

const clusterIP = (c: ReturnType<typeof createCluster>, name: string) =>
  c.store.get("Service", "default", name)?.spec?.clusterIP as string;

describe("HTTP from a pod (wget, curl) through Services to the pods behind them", () => {
  it("wget gets nginx's welcome page through the Service, as busybox prints it", () => {
    const c = cluster();
    const page = c.kubectl("exec client -- wget -qO- http://web");
    expect(page.code).toBe(0);
    expect(page.stdout).toContain("<title>Welcome to nginx!</title>");
    expect(new TextEncoder().encode(page.stdout).length).toBe(615);
    // Without -q it says where it connects, saves index.html and reports the transfer.
    const saved = c.kubectl("exec client -- wget http://web/");
    expect(saved.stderr).toBe(
      `Connecting to web (${clusterIP(c, "web")}:80)\nsaving to 'index.html'\n` +
        "index.html           100% |********************************|   615  0:00:00 ETA\n'index.html' saved\n",
    );
    expect(c.kubectl("exec client -- cat index.html").stdout).toBe(page.stdout);
    // busybox will not overwrite a file it saves without -O.
    expect(c.kubectl("exec client -- wget -q http://web/")).toMatchObject({
      code: 1,
      stderr: "wget: can't open 'index.html': File exists\ncommand terminated with exit code 1\n",
    });
  });

  it("wget reports a missing page, an unknown name and a Service without endpoints as busybox does", () => {
    const c = cluster();
    expect(c.kubectl("exec client -- wget -O- http://web/nope").stderr).toBe(
      `Connecting to web (${clusterIP(c, "web")}:80)\nwget: server returned error: HTTP/1.1 404 Not Found\ncommand terminated with exit code 1\n`,
    );
    expect(c.kubectl("exec client -- wget -qO- http://nope").stderr).toBe(
      "wget: bad address 'nope'\ncommand terminated with exit code 1\n",
    );
    c.kubectl("create service clusterip empty --tcp=80");
    expect(c.kubectl("exec client -- wget -qO- empty").stderr).toBe(
      `wget: can't connect to remote host (${clusterIP(c, "empty")}): Connection refused\ncommand terminated with exit code 1\n`,
    );
  });

  it("a port the Service does not have goes nowhere: wget waits for its -T timeout", () => {
    const c = cluster();
    const r = c.kubectl("exec client -- wget -T 5 -qO- http://web:8080");
    expect(followStream(c, r.stream!, 10)).toEqual({
      stdout: "",
      stderr: "wget: download timed out\ncommand terminated with exit code 1\n",
      code: 1,
    });
  });

  it("curl prints headers, 404 pages, its progress meter and its error codes", () => {
    const c = cluster();
    const pod = webPod(c);
    expect(c.kubectl(`exec ${pod} -- curl -sI http://web`).stdout).toBe(
      "HTTP/1.1 200 OK\r\nServer: nginx/1.27.4\r\nDate: Mon, 05 Jan 2026 10:00:30 GMT\r\n" +
        "Content-Type: text/html\r\nContent-Length: 615\r\n\r\n",
    );
    const missing = c.kubectl(`exec ${pod} -- curl http://web.default.svc.cluster.local/x`);
    expect(missing.stdout).toContain("<hr><center>nginx/1.27.4</center>\r\n");
    expect(missing.stderr).toBe(
      "  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n" +
        "                                 Dload  Upload   Total   Spent    Left  Speed\n" +
        "100   153  100   153    0     0   149k      0 --:--:-- --:--:-- --:--:--  149k\n",
    );
    expect(c.kubectl(`exec ${pod} -- curl -sSf http://web/x`)).toMatchObject({
      code: 22,
      stderr: "curl: (22) The requested URL returned error: 404\ncommand terminated with exit code 22\n",
    });
    expect(c.kubectl(`exec ${pod} -- curl -s http://nope`).stderr).toBe(
      "command terminated with exit code 6\n",
    );
    expect(c.kubectl(`exec ${pod} -- curl -sS http://nope`).stderr).toBe(
      "curl: (6) Could not resolve host: nope\ncommand terminated with exit code 6\n",
    );
    // A container reaches its own pod on localhost; nothing listens on 8080 there.
    expect(c.kubectl(`exec ${pod} -- curl -s localhost`).stdout).toContain("Welcome to nginx!");
    expect(c.kubectl(`exec ${pod} -- curl -sS localhost:8080`).stderr).toBe(
      "curl: (7) Failed to connect to localhost port 8080 after 0 ms: Couldn't connect to server\ncommand terminated with exit code 7\n",
    );
  });

  it("serves each image's own page: nginx 1.7.9's older welcome page, httpd, http-echo, hello-app", () => {
    const c = cluster("nginx:1.7.9");
    const old = c.kubectl("exec client -- wget -qO- web").stdout;
    expect(new TextEncoder().encode(old).length).toBe(612);
    c.kubectl("run apache --image=httpd:2.4");
    c.kubectl("run echo --image=hashicorp/http-echo:1.0.0 -- '-text=hello from echo'");
    c.kubectl("run hello --image=gcr.io/google-samples/hello-app:1.0");
    c.advance(30);
    const ip = (name: string) => c.store.get("Pod", "default", name)?.status?.podIP;
    expect(c.kubectl(`exec client -- wget -qO- ${ip("apache")}`).stdout).toBe(
      "<html><body><h1>It works!</h1></body></html>\n",
    );
    expect(c.kubectl(`exec client -- wget -qO- ${ip("echo")}:5678/any`).stdout).toBe("hello from echo\n");
    expect(c.kubectl(`exec client -- wget -qO- ${ip("hello")}:8080`).stdout).toBe(
      "Hello, world!\nVersion: 1.0.0\nHostname: hello\n",
    );
  });

  it("spreads requests over the ready endpoints, sticks with sessionAffinity ClientIP, and leaves the cluster's random sequence alone", () => {
    const c = createCluster({ seed: 1, nodes: 2 });
    c.kubectl("create deployment hello --image=gcr.io/google-samples/hello-app:1.0 --replicas=3");
    c.kubectl("expose deployment hello --port=80 --target-port=8080");
    c.kubectl("run client --image=busybox:1.36 -- sleep 3600");
    c.advance(30);
    const loop = "for i in $(seq 30); do wget -qO- hello | grep Hostname; done";
    const hostnames = (text: string) => new Set(text.trim().split("\n"));
    expect(hostnames(c.kubectl(["exec client -- sh -c", `'${loop}'`].join(" ")).stdout).size).toBe(3);
    c.kubectl(`patch service hello -p '{"spec":{"sessionAffinity":"ClientIP"}}'`);
    expect(hostnames(c.kubectl(["exec client -- sh -c", `'${loop}'`].join(" ")).stdout).size).toBe(1);
    // The pods a scale-up creates get the same names as in a cluster where nobody sent a request.
    const quiet = createCluster({ seed: 1, nodes: 2 });
    quiet.kubectl("create deployment hello --image=gcr.io/google-samples/hello-app:1.0 --replicas=3");
    quiet.kubectl("expose deployment hello --port=80 --target-port=8080");
    quiet.kubectl("run client --image=busybox:1.36 -- sleep 3600");
    quiet.advance(30);
    quiet.kubectl(`patch service hello -p '{"spec":{"sessionAffinity":"ClientIP"}}'`);
    for (const k of [c, quiet]) {
      k.kubectl("scale deployment hello --replicas=5");
      k.advance(5);
    }
    const names = (k: typeof c) => k.store.list("Pod", "default").map((p) => p.metadata.name);
    expect(names(c)).toEqual(names(quiet));
  });
});

describe("httpGet probes see the same pages", () => {
  it("a readiness probe on a path nginx does not have fails with its 404, and the pod never becomes ready", () => {
    const c = createCluster({ seed: 1, nodes: 1 });
    const pod = (name: string, path: string) =>
      `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}}\nspec:\n  containers:\n  - name: nginx\n    image: nginx:1.27.4\n    readinessProbe:\n      httpGet: {path: ${path}, port: 80}\n`;
    c.kubectl("apply -f -", pod("healthz", "/healthz"));
    c.kubectl("apply -f -", pod("root", "/"));
    c.advance(60);
    const ready = (name: string) =>
      c.store
        .get("Pod", "default", name)
        ?.status?.conditions?.find((x: { type: string }) => x.type === "Ready")?.status;
    expect(ready("root")).toBe("True");
    expect(ready("healthz")).toBe("False");
    expect(c.kubectl("describe pod healthz").stdout).toMatch(
      /Warning\s+Unhealthy\s+.*Readiness probe failed: HTTP probe failed with statuscode: 404/,
    );
  });
});

describe("which images have the HTTP clients", () => {
  it("busybox has wget but no curl or bash; nginx has curl", () => {
    const c = cluster();
    expect(c.kubectl("exec client -- sh -c 'curl -s web'")).toMatchObject({
      code: 127,
      stderr: "sh: curl: not found\ncommand terminated with exit code 127\n",
    });
    expect(c.kubectl("exec client -- sh -c 'bash -c true'").stderr).toBe(
      "sh: bash: not found\ncommand terminated with exit code 127\n",
    );
    expect(c.kubectl(`exec ${webPod(c)} -- sh -c 'curl -s web | grep title'`).stdout).toBe(
      "<title>Welcome to nginx!</title>\n",
    );
  });
});
